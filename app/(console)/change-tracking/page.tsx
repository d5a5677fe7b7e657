import type { Metadata } from "next";
import { cookies } from "next/headers";
import { CurrentRegion } from "@/components/regions/region-context";
import { LiveRefreshControls, LiveRefreshProvider, LiveStaleScope } from "@/components/shell/live-refresh";
import { PageSizeSelect, TaskToolbar } from "@/components/tasks/task-toolbar";
import { TaskTable } from "@/components/tasks/task-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listRegions, resolveRegion, resolveRegionId } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";
import { listTasks } from "@/lib/data/tasks";
import { formatTotal } from "@/lib/pagination";
import { taskListHref } from "@/lib/url";
import { taskListQuerySchema } from "@/lib/validation/task";

export const metadata: Metadata = { title: "Change Tracking Tasks" };

export default async function ChangeTrackingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, query, jar] = await Promise.all([requireUser(), searchParams.then((p) => taskListQuerySchema.parse(p)), cookies()]);
  // The region is known from the URL or the cookie without the database, so the tasks and the
  // region list (read once for the layout and this page) load together.
  const regionId = resolveRegionId(query.region, jar.get(REGION_COOKIE)?.value);
  const [regions, list] = await Promise.all([listRegions(user), listTasks(user, regionId, query)]);
  const region = resolveRegion(regions, regionId);
  const { rows, total, capped, page, pageCount, hasNext } = list;
  // The view without the page's cursor: a new search, filter, sort or page size starts afresh.
  const view = { ...query, page, after: undefined, before: undefined };
  const filtered = !!(query.q || query.status);
  const first = (page - 1) * query.pageSize + 1;
  const hrefFor = (p: number) =>
    taskListHref(region.id, view, {
      page: p,
      after: p === page + 1 ? list.after : undefined,
      before: p === page - 1 ? list.before : undefined,
    });

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
              {rows.length === 0
                ? total === 0
                  ? "0 tasks"
                  : `No tasks on page ${page}`
                : `${first}–${first + rows.length - 1} of ${formatTotal(total, capped)} tasks`}
            </p>
            <div className="flex items-center gap-4">
              <PageSizeSelect regionId={region.id} query={view} />
              <Pagination page={page} pageCount={pageCount} hasNext={hasNext} hrefFor={hrefFor} />
            </div>
          </div>
        </section>
      </div>
    </LiveRefreshProvider>
  );
}
