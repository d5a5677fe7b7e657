import type { Metadata } from "next";
import { cookies } from "next/headers";
import { CurrentRegion } from "@/components/regions/region-context";
import { LiveRefreshControls, LiveRefreshProvider, LiveStaleScope } from "@/components/shell/live-refresh";
import { PageSizeSelect, TaskToolbar } from "@/components/tasks/task-toolbar";
import { TaskTable } from "@/components/tasks/task-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listRegions, resolveRegion } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";
import { listTasks } from "@/lib/data/tasks";
import { taskListHref } from "@/lib/url";
import { taskListQuerySchema } from "@/lib/validation/task";

export const metadata: Metadata = { title: "Change Tracking Tasks" };

export default async function ChangeTrackingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = taskListQuerySchema.parse(await searchParams);
  const [regions, jar] = await Promise.all([listRegions(user), cookies()]);
  const region = resolveRegion(regions, query.region, jar.get(REGION_COOKIE)?.value);
  const { rows, total, page, pageCount } = await listTasks(user, region.id, query);
  const view = { ...query, page };
  const filtered = !!(query.q || query.status);

  return (
    <LiveRefreshProvider>
    <div className="space-y-4">
      <CurrentRegion regionId={region.id} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">Change Tracking Tasks</h1>
          <p className="mt-1 text-sm text-gray-700">
            {region.name} · <span className="font-mono">{region.id}</span>
          </p>
        </div>
        <LiveRefreshControls />
      </div>
      {query.region && query.region !== region.id ? (
        <p role="status" className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Region “{query.region}” is unknown; showing {region.name} instead.
        </p>
      ) : null}
      <section className="rounded-sm border border-gray-200 bg-white">
        <div className="border-b border-gray-100 p-3 sm:p-4">
          <TaskToolbar key={`${region.id}|${query.q ?? ""}`} regionId={region.id} query={view} />
        </div>
        {rows.length ? (
          <LiveStaleScope>
            <TaskTable
              rows={rows}
              sort={query.sort}
              sortHref={taskListHref(region.id, view, { page: 1, sort: query.sort === "created_desc" ? "created_asc" : "created_desc" })}
              timeZone={user.timeZone}
            />
          </LiveStaleScope>
        ) : filtered ? (
          <EmptyState title="No tasks match">Try another ID or name, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title={`No change tracking tasks in ${region.name}`}>
            Pick another region in the top bar; tasks are listed per region.
          </EmptyState>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-4 py-3">
          <p className="text-sm text-gray-700" role="status">
            {total === 0 ? "0 tasks" : `${(page - 1) * query.pageSize + 1}–${Math.min(page * query.pageSize, total)} of ${total} tasks`}
          </p>
          <div className="flex items-center gap-4">
            <PageSizeSelect regionId={region.id} query={view} />
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => taskListHref(region.id, view, { page: p })} />
          </div>
        </div>
      </section>
    </div>
    </LiveRefreshProvider>
  );
}
