import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { requestLocale } from "@/i18n/server";
import { localize } from "@/i18n/translate";
import { listSparklines } from "@/lib/data/heartbeat-history";

/** The Data Consume table's sparklines: each group's last hour, one point a minute. */
export async function GET(_request: Request, { params }: { params: Promise<{ instanceId: string }> }) {
  const user = await getSessionUser();
  if (!user)
    return NextResponse.json({ code: "Unauthorized", message: localize(await requestLocale(), "errors.signInAgain") }, { status: 401 });
  const { instanceId } = await params;
  const lines = await listSparklines(user, instanceId);
  if (!lines)
    return NextResponse.json({ code: "NotFound", message: localize(await requestLocale(), "errors.noSuchInstance") }, { status: 404 });
  return NextResponse.json(lines, { headers: { "Cache-Control": "no-store" } });
}
