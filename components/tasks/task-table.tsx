"use client";

// A client component fed by the same typed rows the page reads: the server sends the rows as data,
// not as rendered markup, so the page's React Server Components payload stays the size of the data
// (README "Benchmark").
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { TaskRow } from "@/lib/data/tasks";
import { formatDateTime, zoneLabel } from "@/lib/format";
import { DataTable } from "../ui/data-table";
import { TwoLineTime } from "../ui/two-line-time";
import { useLiveStale } from "../shell/live-refresh";
import { StatusBadge } from "./status-badge";

// Component classes of app/globals.css: the same utilities, named once.
const th = "dt-th";
const td = "dt-td";

/**
 * The Change Tracking Tasks table. It fits its box from 1280 px up (fixed column widths, ids cut
 * with an ellipsis and a tooltip, never broken mid-token); narrower, it scrolls inside its own
 * focusable region. Every time column names its zone (docs/rules.md "Preferences").
 */
export function TaskTable({
  rows,
  sortHref,
  sort,
  timeZone = "UTC",
}: {
  rows: TaskRow[];
  sortHref: string;
  sort: "created_desc" | "created_asc";
  timeZone?: string;
}) {
  const zone = zoneLabel(timeZone);
  const t = useTranslations("tasks.table");
  const billing = useTranslations("common.billing");
  const stale = useLiveStale();
  return (
    <DataTable
      label={t("label")}
      caption={t("caption")}
      minWidth="min-w-[60rem]"
      columns={["w-[16%]", "w-[10%]", "w-[9%]", "w-[15%]", "w-[11%]", "w-[12%]", "w-[9%]", "w-[18%]"]}
      head={
        <tr>
          <th scope="col" className={th}>
            {t("instance")}
          </th>
          <th scope="col" className={th}>
            {t("status")}
          </th>
          <th scope="col" className={th}>
            {t("checkpoint", { zone })}
          </th>
          <th scope="col" className={th}>
            {t("dataRange", { zone })}
          </th>
          <th scope="col" className={th}>
            {t("billing")}
          </th>
          <th scope="col" className={th}>
            {t("source")}
          </th>
          <th scope="col" className={th} aria-sort={sort === "created_asc" ? "ascending" : "descending"}>
            <Link
              href={sortHref}
              className="inline-flex items-center gap-1 rounded-sm hover:text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              {t("created", { zone })}
              <span aria-hidden>{sort === "created_asc" ? "↑" : "↓"}</span>
              <span className="sr-only">{sort === "created_asc" ? t("sortedOldest") : t("sortedNewest")}</span>
            </Link>
          </th>
          <th scope="col" className={th}>
            {t("actions")}
          </th>
        </tr>
      }
    >
      <tbody className="divide-y divide-gray-100 bg-white">
        {rows.map((row) => (
          <tr key={row.id} className="dt-row" data-testid="task-row">
            <td className={td}>
              <Link href={`/change-tracking/${row.id}`} className="dt-id block" title={row.id}>
                {row.id}
              </Link>
              <span className="dt-sub" title={row.name}>
                {row.name}
              </span>
            </td>
            <td className={td}>
              <StatusBadge status={row.status} testId="task-status" />
              {/* Only while a refresh has failed: the rows' HTML carries no hidden marker each. */}
              {stale ? (
                <span className="dt-stale" data-testid="task-stale">
                  {t("stale")}
                </span>
              ) : null}
            </td>
            <td className={td}>
              <TwoLineTime value={row.checkpointAt} timeZone={timeZone} />
            </td>
            <td className={`${td} font-mono text-xs`}>
              {row.dataBeginAt ? (
                <>
                  <div className="truncate" title={formatDateTime(row.dataBeginAt, timeZone)}>
                    {formatDateTime(row.dataBeginAt, timeZone)}
                  </div>
                  <div className="dt-sub" title={formatDateTime(row.dataEndAt, timeZone)}>
                    {formatDateTime(row.dataEndAt, timeZone)}
                  </div>
                </>
              ) : (
                "—"
              )}
            </td>
            <td className={td}>
              <span className="block truncate" title={billing(row.billingMethod)}>
                {billing(row.billingMethod)}
              </span>
            </td>
            <td className={td}>
              <div className="truncate">{row.sourceType}</div>
              <span className="dt-sub font-mono" title={row.sourceInstanceId}>
                {row.sourceInstanceId}
              </span>
            </td>
            <td className={td} data-testid="task-created">
              <TwoLineTime value={row.createdAt} timeZone={timeZone} />
            </td>
            <td className={`${td} dt-actions`}>
              <Link href={`/change-tracking/${row.id}/consume`} className="dt-link" aria-label={t("consumeOf", { id: row.id })}>
                {t("consume")}
              </Link>
              <Link href={`/change-tracking/${row.id}`} className="dt-link" aria-label={t("detailsOf", { id: row.id })}>
                {t("details")}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
