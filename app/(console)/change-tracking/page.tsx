import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "@/i18n/translator";
import { TasksMessages } from "@/components/i18n/pages/tasks";
import { CurrentRegion } from "@/components/regions/region-context";
import { LiveRefreshControls, LiveRefreshProvider, LiveStaleScope } from "@/components/shell/live-refresh";
import { PageSizeSelect, TaskToolbar } from "@/components/tasks/task-toolbar";
import { TaskTable } from "@/components/tasks/task-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { listRegions, resolveRegion, resolveRegionId } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";
import { listTasks } from "@/lib/data/tasks";
import { formatTotal } from "@/lib/pagination";
import { taskListHref } from "@/lib/url";
import { taskListQuerySchema } from "@/lib/validation/task";
import { RegionHeading } from "@/components/regions/region-heading";
import { localRegionName } from "@/components/regions/region-names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

export default async function ChangeTrackingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [query, jar, t, tRegions, timeZone] = await Promise.all([
    searchParams.then((p) => taskListQuerySchema.parse(p)),
    cookies(),
    getTranslations("tasks"),
    getTranslations("regions"),
    displayTimeZone(user),
  ]);
  // The region is known from the URL or the cookie without the database, so the tasks and the
  // region list (read once for the layout and this page) load together.
  const regionId = resolveRegionId(query.region, jar.get(REGION_COOKIE)?.value);
  const [regions, list] = await Promise.all([listRegions(user), listTasks(user, regionId, query)]);
  const region = resolveRegion(regions, regionId);
  const regionName = localRegionName(tRegions, region);
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
    <TasksMessages>
      <LiveRefreshProvider>
        <div className="space-y-4">
          <CurrentRegion regionId={region.id} />
          <div className="flex flex-wrap items-end justify-between gap-3">
            <RegionHeading title={t("title")} regionName={regionName} regionId={region.id} />
            <LiveRefreshControls />
          </div>
          {query.region && query.region !== region.id ? (
            <p role="status" className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {t("regionUnknown", { region: query.region, name: regionName })}
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
                  sortHref={taskListHref(region.id, view, {
                    page: 1,
                    sort: query.sort === "created_desc" ? "created_asc" : "created_desc",
                  })}
                  timeZone={timeZone}
                />
              </LiveStaleScope>
            ) : filtered ? (
              <EmptyState title={t("empty.filteredTitle")}>{t("empty.filteredBody")}</EmptyState>
            ) : (
              <EmptyState title={t("empty.title", { region: regionName })}>{t("empty.body")}</EmptyState>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-4 py-3">
              <p className="text-sm text-gray-700" role="status">
                {rows.length === 0
                  ? total === 0
                    ? t("count.none")
                    : t("count.emptyPage", { page })
                  : t("count.range", { first, last: first + rows.length - 1, total: formatTotal(total, capped) })}
              </p>
              <div className="flex items-center gap-4">
                <PageSizeSelect regionId={region.id} query={view} />
                <Pagination page={page} pageCount={pageCount} hasNext={hasNext} hrefFor={hrefFor} />
              </div>
            </div>
          </section>
        </div>
      </LiveRefreshProvider>
    </TasksMessages>
  );
}
