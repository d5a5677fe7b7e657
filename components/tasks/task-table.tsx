import Link from "next/link";
import type { TaskRow } from "@/lib/data/tasks";
import { BILLING_LABELS, formatDateTime, zoneLabel } from "@/lib/format";
import { Truncated } from "../ui/truncated";
import { StatusBadge } from "./status-badge";

const th = "px-2 py-2.5 text-left text-xs font-semibold text-gray-700 first:pl-4";
const td = "px-2 py-2.5 align-middle text-sm text-gray-800 first:pl-4";

/** A time on two lines, date then clock: the column stays narrow and nothing breaks mid-token. */
function TwoLineTime({ value, timeZone }: { value: Date | null; timeZone: string }) {
  const text = formatDateTime(value, timeZone);
  if (text === "—") return <>—</>;
  return (
    <span className="font-mono text-xs whitespace-nowrap">
      {text.slice(0, 10)}
      <br />
      {text.slice(11)}
    </span>
  );
}

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
  return (
    <div
      role="region"
      aria-label="Change tracking tasks table"
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600"
    >
      <table className="w-full min-w-[60rem] table-fixed divide-y divide-gray-200">
        <caption className="sr-only">Change tracking tasks</caption>
        <colgroup>
          <col className="w-[16%]" />
          <col className="w-[10%]" />
          <col className="w-[9%]" />
          <col className="w-[15%]" />
          <col className="w-[11%]" />
          <col className="w-[12%]" />
          <col className="w-[9%]" />
          <col className="w-[18%]" />
        </colgroup>
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className={th}>
              Instance ID/Name
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Checkpoint ({zone})
            </th>
            <th scope="col" className={th}>
              Data Range ({zone})
            </th>
            <th scope="col" className={th}>
              Billing Method
            </th>
            <th scope="col" className={th}>
              Source
            </th>
            <th scope="col" className={th} aria-sort={sort === "created_asc" ? "ascending" : "descending"}>
              <Link
                href={sortHref}
                className="inline-flex items-center gap-1 rounded-sm hover:text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                Created ({zone})<span aria-hidden>{sort === "created_asc" ? "↑" : "↓"}</span>
                <span className="sr-only">, sorted {sort === "created_asc" ? "oldest first" : "newest first"}; change order</span>
              </Link>
            </th>
            <th scope="col" className={th}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {rows.map((t) => (
            <tr
              key={t.id}
              className="hover:bg-blue-50/40 [[data-stale=true]_&]:bg-amber-50/60 [[data-stale=true]_&]:text-gray-700"
              data-testid="task-row"
            >
              <td className={td}>
                <span className="flex min-w-0 items-center">
                  <Link href={`/change-tracking/${t.id}`} className="min-w-0 truncate font-mono text-blue-700 hover:underline" title={t.id}>
                    {t.id}
                  </Link>
                </span>
                <span className="block truncate text-xs text-gray-700" title={t.name}>
                  {t.name}
                </span>
              </td>
              <td className={td}>
                <span data-testid="task-status">
                  <StatusBadge status={t.status} />
                </span>
                <span
                  className="hidden rounded-sm bg-amber-100 px-1 text-xs font-medium text-amber-900 [[data-stale=true]_&]:inline-block"
                  data-testid="task-stale"
                >
                  Stale
                </span>
              </td>
              <td className={td}>
                <TwoLineTime value={t.checkpointAt} timeZone={timeZone} />
              </td>
              <td className={`${td} font-mono text-xs`}>
                {t.dataBeginAt ? (
                  <>
                    <div className="truncate" title={formatDateTime(t.dataBeginAt, timeZone)}>
                      {formatDateTime(t.dataBeginAt, timeZone)}
                    </div>
                    <div className="truncate text-gray-700" title={formatDateTime(t.dataEndAt, timeZone)}>
                      {formatDateTime(t.dataEndAt, timeZone)}
                    </div>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className={td}>
                <span className="block truncate" title={BILLING_LABELS[t.billingMethod]}>
                  {BILLING_LABELS[t.billingMethod]}
                </span>
              </td>
              <td className={td}>
                <div className="truncate">{t.sourceType}</div>
                <Truncated value={t.sourceInstanceId} mono className="text-xs text-gray-700" />
              </td>
              <td className={td} data-testid="task-created">
                <TwoLineTime value={t.createdAt} timeZone={timeZone} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <Link
                  href={`/change-tracking/${t.id}/consume`}
                  className="text-blue-700 hover:underline"
                  aria-label={`Data Consume of ${t.id}`}
                >
                  Data Consume
                </Link>
                <span aria-hidden className="mx-1.5 text-gray-300">
                  |
                </span>
                <Link href={`/change-tracking/${t.id}`} className="text-blue-700 hover:underline" aria-label={`Details of ${t.id}`}>
                  Details
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
