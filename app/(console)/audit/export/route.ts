import { headers } from "next/headers";
import { runAction } from "@/lib/actions/run-action";
import { exportAuditLogSpec } from "@/lib/actions/audit-export-spec";
import { getSessionUser } from "@/lib/auth/session";
import { clientIpFrom } from "@/lib/client-ip";
import { httpStatusOf } from "@/lib/error-codes";
import { auditLogCsv } from "@/lib/data/audit";
import { jsonRefusal } from "@/lib/security/route-handler";
import { requestLocale } from "@/i18n/server";

/**
 * GET /audit/export?<the Audit Log's filters>: the filtered log as CSV (docs/rules.md "Audit").
 * The session, the role and the filters go through the action rails (refusals audited there, the
 * export itself recorded before the first row); the rows are streamed in batches. A refusal is
 * worded in the browser's language; the CSV's columns and values are identifiers, the same in all.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  const input = Object.fromEntries(new URL(request.url).searchParams);
  const result = await runAction(exportAuditLogSpec, input, user, clientIpFrom(await headers()), {
    channel: "console",
    locale: await requestLocale(),
  });
  // runAction refuses a request without a user; the check here only tells TypeScript so.
  if (!result.ok || !user) {
    if (result.ok) return jsonRefusal("Unauthorized", "errors.signInAgain");
    // Worded by runAction already, in the browser's language; the status is the code's everywhere.
    return Response.json(
      { code: result.code, message: result.message },
      { status: httpStatusOf(result.code), headers: { "Cache-Control": "no-store" } },
    );
  }
  const rows = auditLogCsv(user, result.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[audit export] failed while streaming", error instanceof Error ? error.message : "");
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
