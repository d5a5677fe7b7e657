import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { writeAudit, AUDIT_ACTIONS } from "@/lib/audit";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { clientIpFrom } from "@/lib/client-ip";
import { listAuditLog } from "@/lib/data/audit";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { formatTotal } from "@/lib/pagination";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit Log" };

/** The audit URL of a view and page; a keyset cursor only where given (a neighbour page's link). */
function hrefOf(q: AuditQuery, page: number, cursor: { after?: string; before?: string } = {}) {
  const p = new URLSearchParams();
  for (const key of ["action", "user", "instance", "result", "from", "to"] as const) {
    const value = q[key];
    if (value) p.set(key, value);
  }
  if (page > 1) p.set("page", String(page));
  if (page > 1 && cursor.after) p.set("after", cursor.after);
  else if (page > 1 && cursor.before) p.set("before", cursor.before);
  const s = p.toString();
  return s ? `/audit?${s}` : "/audit";
}

const input = "h-8 rounded-sm border border-gray-300 bg-white px-2 text-sm";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user.role, "audit.read")) {
    await writeAudit(await getDb(), { username: user.username, role: user.role, action: "readAuditLog", errorCode: "Forbidden.Role", clientIp: clientIpFrom(await headers()) });
    return (
      <div className="mx-auto mt-16 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
        <h1 className="text-lg font-semibold text-gray-900">Forbidden</h1>
        <p className="mt-2 text-sm text-gray-600">Only administrators can read the audit log (Forbidden.Role).</p>
      </div>
    );
  }
  const query = auditQuerySchema.parse(await searchParams);
  const log = await listAuditLog(user, query);
  const { rows, total, capped, page, pageCount, hasNext } = log;
  const hrefFor = (p: number) => hrefOf(query, p, { after: p === page + 1 ? log.after : undefined, before: p === page - 1 ? log.before : undefined });

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ label: "Audit Log" }]} />
      <h1 className="text-xl font-semibold text-gray-900">Audit Log</h1>
      <section className="rounded-sm border border-gray-200 bg-white">
        <form method="get" action="/audit" className="flex flex-wrap items-end gap-3 border-b border-gray-100 p-4 text-sm">
          <label className="flex flex-col gap-1 text-gray-600">
            Action
            <select name="action" defaultValue={query.action ?? ""} className={input}>
              <option value="">All</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>{a}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-gray-600">
            User
            <input name="user" defaultValue={query.user ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-gray-600">
            Instance
            <input name="instance" defaultValue={query.instance ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-gray-600">
            Result
            <select name="result" defaultValue={query.result ?? ""} className={input}>
              <option value="">All</option>
              <option value="ok">OK</option>
              <option value="refused">Refused</option>
            </select>
          </label>
          <label className="flex flex-col gap-1 text-gray-600">
            From (UTC)
            <input type="date" name="from" defaultValue={query.from ?? ""} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-gray-600">
            To (UTC)
            <input type="date" name="to" defaultValue={query.to ?? ""} className={input} />
          </label>
          <button type="submit" className="h-8 rounded-sm bg-blue-600 px-3.5 font-medium text-white hover:bg-blue-700">Filter</button>
          <Link href="/audit" className="h-8 px-2 leading-8 text-blue-600 hover:underline">Clear</Link>
        </form>
        {rows.length === 0 ? (
          <EmptyState title="No audit records match" />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Audit records, newest first</caption>
              <thead className="bg-gray-50 text-left text-xs font-semibold text-gray-600">
                <tr>
                  {["Time (UTC)", "User", "Role", "Action", "Region", "Instance", "Consumer Group", "Result", "Client IP"].map((h) => (
                    <th key={h} scope="col" className="whitespace-nowrap px-4 py-2.5">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{formatDateTime(r.at)}</td>
                    <td className="px-4 py-2">{r.username}</td>
                    <td className="px-4 py-2 text-gray-600">{r.role ?? "—"}</td>
                    <td className="px-4 py-2 font-mono text-xs">{r.action}</td>
                    <td className="px-4 py-2 font-mono text-xs">{r.regionId ?? "—"}</td>
                    <td className="px-4 py-2 font-mono text-xs">{r.instanceId ?? "—"}</td>
                    <td className="px-4 py-2 font-mono text-xs">{r.groupId ?? "—"}</td>
                    <td className="px-4 py-2">
                      {r.result === "ok" ? <Badge tone="green">OK</Badge> : <Badge tone="red">{r.errorCode}</Badge>}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs">{r.clientIp ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex items-center justify-between border-t border-gray-100 px-4 py-3 text-sm text-gray-600">
          <p role="status">{formatTotal(total, capped)} records</p>
          <Pagination page={page} pageCount={pageCount} hasNext={hasNext} hrefFor={hrefFor} />
        </div>
      </section>
    </div>
  );
}
