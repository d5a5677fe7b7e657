import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/ui/link";
import { getTranslations } from "@/i18n/translator";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/data-table";
import { Truncated } from "@/components/ui/truncated";
import { TwoLineTime } from "@/components/ui/two-line-time";
import { ROLES } from "@/i18n/families";
import { writeAudit, AUDIT_ACTIONS, AUDIT_ACTORS, type AuditAction } from "@/lib/audit";
import { can, type Role } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { clientIpFrom } from "@/lib/client-ip";
import { listAuditLog } from "@/lib/data/audit";
import { getDb } from "@/lib/db";
import { zoneLabel } from "@/lib/format";
import { formatTotal } from "@/lib/pagination";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/audit";
import { Button, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** The audit URL of a view and page; a keyset cursor only where given (a neighbour page's link). */
function hrefOf(q: AuditQuery, page: number, cursor: { after?: string; before?: string } = {}, base = "/audit") {
  const p = new URLSearchParams();
  for (const key of ["action", "user", "instance", "result", "from", "to"] as const) {
    const value = q[key];
    if (value) p.set(key, value);
  }
  if (page > 1) p.set("page", String(page));
  if (page > 1 && cursor.after) p.set("after", cursor.after);
  else if (page > 1 && cursor.before) p.set("before", cursor.before);
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

const input = inputClass(false);
const isAuditAction = (a: string): a is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);
const isRole = (r: string | null): r is Role => r !== null && (ROLES as readonly string[]).includes(r);
const isActor = (r: { username: string; role: string | null }): r is { username: (typeof AUDIT_ACTORS)[number]; role: null } =>
  r.role === null && (AUDIT_ACTORS as readonly string[]).includes(r.username);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, tRoles] = await Promise.all([getTranslations("audit"), getTranslations("common.roles")]);
  if (!can(user.role, "audit.read")) {
    await writeAudit(await getDb(), {
      username: user.username,
      role: user.role,
      action: "readAuditLog",
      errorCode: "Forbidden.Role",
      clientIp: clientIpFrom(await headers()),
    });
    return (
      <div className="mx-auto mt-16 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
        <h1 className="text-lg font-semibold text-gray-900">{t("forbidden.title")}</h1>
        <p className="mt-2 text-sm text-gray-700">{t("forbidden.body")}</p>
        <Link href="/change-tracking" className="mt-5 inline-block text-sm text-blue-700 hover:underline">
          {t("forbidden.back")}
        </Link>
      </div>
    );
  }
  const query = auditQuerySchema.parse(await searchParams);
  const log = await listAuditLog(user, query);
  const { rows, total, capped, page, pageCount, hasNext } = log;
  const hrefFor = (p: number) =>
    hrefOf(query, p, { after: p === page + 1 ? log.after : undefined, before: p === page - 1 ? log.before : undefined });
  const timeZone = await displayTimeZone(user);
  const zone = zoneLabel(timeZone);

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ label: t("title") }]} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="page-title">{t("title")}</h1>
        {/* A file download, streamed by the route handler: admins only, and the export is audited. */}
        <a href={hrefOf(query, 1, {}, "/audit/export")} download className={buttonClass()}>
          {t("exportCsv")}
        </a>
      </div>
      <section className="rounded-sm border border-gray-200 bg-white">
        <form
          method="get"
          action="/audit"
          aria-label={t("filters.label")}
          className="grid grid-cols-2 items-end gap-3 border-b border-gray-100 p-3 text-sm sm:flex sm:flex-wrap sm:p-4"
        >
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.action")}
            <select name="action" defaultValue={query.action ?? ""} className={input}>
              <option value="">{t("filters.all")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.user")}
            <input name="user" defaultValue={query.user ?? ""} className={input} />
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.instance")}
            <input name="instance" defaultValue={query.instance ?? ""} className={input} />
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.result")}
            <select name="result" defaultValue={query.result ?? ""} className={input}>
              <option value="">{t("filters.all")}</option>
              <option value="ok">{t("results.ok")}</option>
              <option value="refused">{t("results.refused")}</option>
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.from")}
            <input type="date" name="from" defaultValue={query.from ?? ""} className={input} />
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-gray-700">
            {t("filters.to")}
            <input type="date" name="to" defaultValue={query.to ?? ""} className={input} />
          </label>
          <div className="flex items-center gap-2">
            <Button type="submit" variant="primary">
              {t("filters.submit")}
            </Button>
            <Link href="/audit" className="h-8 px-2 leading-8 whitespace-nowrap text-blue-700 hover:underline">
              {t("filters.clear")}
            </Link>
          </div>
        </form>
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <DataTable
            label={t("table.label")}
            caption={t("table.caption")}
            minWidth="min-w-[60rem]"
            columns={["w-[13%]", "w-[12%]", "w-[17%]", "w-[15%]", "w-[17%]", "w-[14%]", "w-[12%]"]}
            className="text-sm"
            headClassName="text-left text-xs font-semibold text-gray-700"
            head={
              <tr>
                {[
                  t("columns.time", { zone }),
                  t("columns.user"),
                  t("columns.action"),
                  t("columns.instance"),
                  t("columns.group"),
                  t("columns.result"),
                  t("columns.clientIp"),
                ].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2.5">
                    {h}
                  </th>
                ))}
              </tr>
            }
          >
            <tbody className="divide-y divide-gray-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="audit-row" data-action={r.action} data-group={r.groupId ?? undefined}>
                  <td className="px-3 py-2">
                    <TwoLineTime value={r.at} timeZone={timeZone} />
                  </td>
                  <td className="px-3 py-2">
                    {/* A console user by name; the actors that are not users in the reader's words. */}
                    <Truncated value={isActor(r) ? t(`actors.${r.username}`) : r.username} />
                    <span className="block text-xs text-gray-700">{isRole(r.role) ? tRoles(r.role) : t("noRole")}</span>
                    {r.channel === "api" || r.accessKeyId ? (
                      <span className="block truncate font-mono text-xs text-gray-700">
                        {r.channel === "api" ? t("channels.api") : t("channels.accessKey")}
                        {r.accessKeyId ? ` · ${r.accessKeyId}` : ""}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <span className="block">{isAuditAction(r.action) ? t(`actions.${r.action}`) : r.action}</span>
                    <span className="block truncate font-mono text-xs text-gray-700" title={r.action}>
                      {r.action}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-xs">
                    {r.instanceId ? <Truncated value={r.instanceId} mono /> : "—"}
                    <span className="block truncate font-mono text-gray-700">{r.regionId ?? ""}</span>
                  </td>
                  <td className="px-3 py-2 text-xs" data-testid="audit-group">
                    {r.groupId ? (
                      <>
                        <Truncated value={r.groupId} mono />
                        <span className="block truncate text-gray-700" title={r.groupName ?? undefined}>
                          {r.groupName ?? t("deletedGroup")}
                        </span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-3 py-2" data-testid="audit-result">
                    {r.result === "ok" ? (
                      <Badge tone="green">{t("results.ok")}</Badge>
                    ) : (
                      <span className="block truncate" title={r.errorCode ?? undefined}>
                        <Badge tone="red">{r.errorCode}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    <Truncated value={r.clientIp ?? "—"} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-4 py-3 text-sm text-gray-700">
          <p role="status">{t("records", { total: formatTotal(total, capped) })}</p>
          <Pagination page={page} pageCount={pageCount} hasNext={hasNext} hrefFor={hrefFor} />
        </div>
      </section>
    </div>
  );
}
