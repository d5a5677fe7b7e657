import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/i18n/translator";
import { GroupState } from "@/components/consumer-groups/group-state";
import { CurrentRegion } from "@/components/regions/region-context";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/data-table";
import { TwoLineTime } from "@/components/ui/two-line-time";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { listLaggingGroups } from "@/lib/data/lagging-groups";
import { listRegions, resolveRegion, resolveRegionId } from "@/lib/data/regions";
import { formatDuration, formatMetric, lagLevel, zoneLabel } from "@/lib/format";
import { REGION_COOKIE } from "@/lib/regions";
import { DELAY_OVER_MAX } from "@/lib/validation/consume-view-url";
import { LAGGING_PAGE_SIZE, laggingHref, laggingQuerySchema } from "@/lib/validation/lagging";
import { RegionHeading } from "@/components/regions/region-heading";
import { localRegionName } from "@/components/regions/region-names";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lagging");
  return { title: t("metaTitle") };
}

const th = "dt-th";
const td = "dt-td";

/**
 * Lagging Consumer Groups (docs/rules.md "Lag health"): every connected group of the region over
 * the delay threshold or stalled, worst first, paged; the threshold and page in the URL.
 */
export default async function LaggingGroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [query, jar, t, tRegions, timeZone, locale] = await Promise.all([
    searchParams.then((p) => laggingQuerySchema.parse(p)),
    cookies(),
    getTranslations("lagging"),
    getTranslations("regions"),
    displayTimeZone(user),
    getLocale(),
  ]);
  const regionId = resolveRegionId(query.region, jar.get(REGION_COOKIE)?.value);
  const [regions, list] = await Promise.all([
    listRegions(user),
    listLaggingGroups(user, regionId, { overSeconds: query.over, page: query.page, pageSize: LAGGING_PAGE_SIZE }),
  ]);
  const region = resolveRegion(regions, regionId);
  const regionName = localRegionName(tRegions, region);
  const over = formatDuration(query.over, locale);
  const zone = zoneLabel(timeZone);
  const seconds = (v: number | null) => (v !== null && v >= 60 ? formatDuration(v, locale) : formatMetric(v, "", locale));
  const first = (list.page - 1) * LAGGING_PAGE_SIZE + 1;

  return (
    <div className="space-y-4">
      <CurrentRegion regionId={region.id} />
      <RegionHeading title={t("title")} regionName={regionName} regionId={region.id} />
      <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="lagging-intro">
        <div className="flex flex-wrap items-end justify-between gap-3 border-b border-gray-100 p-3 sm:p-4">
          <p id="lagging-intro" className="max-w-3xl text-sm text-gray-700">
            {t("intro", { region: regionName, over })}
          </p>
          {/* A plain GET form: the threshold lands in the URL, and works before any script. */}
          <form method="get" action="/lagging" className="flex items-end gap-2">
            <input type="hidden" name="region" value={region.id} />
            <label className="flex flex-col gap-1 text-sm text-gray-700">
              {t("over")}
              <input
                name="over"
                type="number"
                min={0}
                max={DELAY_OVER_MAX}
                step={1}
                required
                defaultValue={query.over}
                aria-describedby="lagging-over-hint"
                className={inputClass(false, "max-w-28")}
              />
            </label>
            <Button type="submit">{t("apply")}</Button>
            <span id="lagging-over-hint" className="sr-only">
              {t("overHint", { max: DELAY_OVER_MAX })}
            </span>
          </form>
        </div>
        {list.rows.length ? (
          <DataTable
            label={t("table.label")}
            caption={t("table.caption")}
            minWidth="min-w-[56rem]"
            columns={["w-[22%]", "w-[22%]", "w-[12%]", "w-[14%]", "w-[14%]", "w-[16%]"]}
            head={
              <tr>
                <th scope="col" className={th}>
                  {t("table.group")}
                </th>
                <th scope="col" className={th}>
                  {t("table.instance")}
                </th>
                <th scope="col" className={th}>
                  {t("table.state")}
                </th>
                <th scope="col" className={th}>
                  {t("table.delay")}
                </th>
                <th scope="col" className={th}>
                  {t("table.unconsumed")}
                </th>
                <th scope="col" className={th}>
                  {t("table.checkpoint", { zone })}
                </th>
              </tr>
            }
          >
            <tbody className="divide-y divide-gray-100">
              {list.rows.map((r) => (
                <tr key={r.groupId} data-testid="lagging-row">
                  <td className={td}>
                    <Link
                      href={`/change-tracking/${r.instanceId}/consume?group=${r.groupId}`}
                      className="block truncate font-mono text-sm text-blue-700 hover:underline"
                    >
                      {r.groupId}
                    </Link>
                    <span className="block truncate text-xs text-gray-700" title={r.groupName}>
                      {r.groupName}
                    </span>
                  </td>
                  <td className={td}>
                    <Link
                      href={`/change-tracking/${r.instanceId}/consume`}
                      className="block truncate font-mono text-sm text-blue-700 hover:underline"
                    >
                      {r.instanceId}
                    </Link>
                    <span className="block truncate text-xs text-gray-700" title={r.instanceName}>
                      {r.instanceName}
                    </span>
                  </td>
                  <td className={td} data-testid="lagging-state">
                    <GroupState connected stalled={r.stalled} />
                  </td>
                  <td className={td}>
                    <span
                      data-testid="lagging-delay"
                      data-level={lagLevel(r.delaySeconds, "delaySeconds") ?? undefined}
                      className="lag whitespace-nowrap"
                    >
                      {seconds(r.delaySeconds)}
                    </span>
                  </td>
                  <td className={td}>
                    <span data-level={lagLevel(r.unconsumedRecords, "records") ?? undefined} className="lag whitespace-nowrap">
                      {formatMetric(r.unconsumedRecords, "", locale)}
                    </span>
                  </td>
                  <td className={td}>
                    <TwoLineTime value={r.checkpointAt} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <EmptyState title={t("empty.title")}>{t("empty.body", { region: regionName, over })}</EmptyState>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-4 py-3">
          <p className="text-sm text-gray-700" role="status">
            {list.rows.length === 0
              ? list.total === 0
                ? t("count.none")
                : t("count.emptyPage", { page: list.page })
              : t("count.range", { first, last: first + list.rows.length - 1, total: list.total })}
          </p>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => laggingHref(region.id, query.over, p)} />
        </div>
      </section>
    </div>
  );
}
