import Link from "next/link";
import type { TaskRow } from "@/lib/data/tasks";
import { BILLING_LABELS, formatDateTime } from "@/lib/format";
import { StatusBadge } from "./status-badge";

const th = "px-4 py-2.5 text-left text-xs font-semibold text-gray-600 whitespace-nowrap";
const td = "px-4 py-3 align-top text-sm text-gray-800";

export function TaskTable({ rows, sortHref, sort }: { rows: TaskRow[]; sortHref: string; sort: "created_desc" | "created_asc" }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-gray-200">
        <caption className="sr-only">Change tracking tasks</caption>
        <thead className="bg-gray-50">
          <tr>
            <th scope="col" className={th}>Instance ID/Name</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Consumption Checkpoint</th>
            <th scope="col" className={th}>Data Range</th>
            <th scope="col" className={th}>Billing Method</th>
            <th scope="col" className={th}>Source</th>
            <th scope="col" className={th} aria-sort={sort === "created_asc" ? "ascending" : "descending"}>
              <Link href={sortHref} className="inline-flex items-center gap-1 hover:text-blue-600">
                Created At
                <span aria-hidden>{sort === "created_asc" ? "↑" : "↓"}</span>
                <span className="sr-only">, sorted {sort === "created_asc" ? "oldest first" : "newest first"}; change order</span>
              </Link>
            </th>
            <th scope="col" className={th}>Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 bg-white">
          {rows.map((t) => (
            <tr key={t.id} className="hover:bg-blue-50/40">
              <td className={td}>
                <Link href={`/change-tracking/${t.id}`} className="font-mono text-blue-600 hover:underline">
                  {t.id}
                </Link>
                <div className="text-xs text-gray-500">{t.name}</div>
              </td>
              <td className={td} data-testid="task-status">
                <StatusBadge status={t.status} />
              </td>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>{formatDateTime(t.checkpointAt)}</td>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>
                {t.dataBeginAt ? (
                  <>
                    <div>{formatDateTime(t.dataBeginAt)}</div>
                    <div className="text-gray-500">{formatDateTime(t.dataEndAt)}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className={td}>{BILLING_LABELS[t.billingMethod]}</td>
              <td className={td}>
                <div>{t.sourceType}</div>
                <div className="font-mono text-xs text-gray-500">{t.sourceInstanceId}</div>
              </td>
              <td className={`${td} whitespace-nowrap font-mono text-xs`} data-testid="task-created">
                {formatDateTime(t.createdAt)}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/change-tracking/${t.id}`} className="text-blue-600 hover:underline">
                  View
                </Link>
                <span aria-hidden className="mx-2 text-gray-300">|</span>
                <Link href={`/change-tracking/${t.id}/consume`} className="text-blue-600 hover:underline">
                  Data Consume
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
