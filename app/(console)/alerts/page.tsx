import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/i18n/translator";
import { ChannelsPanel } from "@/components/alerts/channels-panel";
import { AlertsMessages } from "@/components/i18n/pages/alerts";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/data-table";
import { TwoLineTime } from "@/components/ui/two-line-time";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { emailAvailable } from "@/lib/alerts/email";
import { listAlertEvents, listChannels } from "@/lib/data/alerts";
import { formatDuration, zoneLabel } from "@/lib/format";
import { alertsQuerySchema, alertsHref } from "@/lib/validation/alerts-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("alerts");
  return { title: t("metaTitle") };
}

const th = "dt-th";
const td = "dt-td";

/**
 * Alerts (docs/rules.md "Alert delivery"): the history of every alert, or one instance's, for
 * every role; the notification channels for admins.
 */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [query, t, tStatus, timeZone, locale] = await Promise.all([
    searchParams.then((p) => alertsQuerySchema.parse(p)),
    getTranslations("alerts"),
    getTranslations("common.status"),
    displayTimeZone(user),
    getLocale(),
  ]);
  const admin = can(user.role, "alerts.manageChannels");
  const [history, channels] = await Promise.all([
    listAlertEvents(user, { instanceId: query.instance, page: query.page }),
    admin ? listChannels(user) : Promise.resolve(null),
  ]);
  const zone = zoneLabel(timeZone);
  const seconds = (v: number) => formatDuration(v, locale);

  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("title")}</h1>
      <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="history-title">
        <div className="border-b border-gray-100 p-3 sm:p-4">
          <h2 id="history-title" className="text-sm font-semibold text-gray-900">
            {t("history.title")}
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-gray-700">{t("history.intro")}</p>
          {query.instance ? (
            <p className="mt-2 text-sm text-gray-800">
              {t("history.forInstance", { id: query.instance })} ·{" "}
              <Link href="/alerts" className="text-blue-700 underline">
                {t("history.all")}
              </Link>
            </p>
          ) : null}
        </div>
        {history.rows.length ? (
          <DataTable
            label={t("history.label")}
            caption={t("history.caption")}
            minWidth="min-w-[52rem]"
            columns={["w-[15%]", "w-[15%]", "w-[12%]", "w-[34%]", "w-[24%]"]}
            head={
              <tr>
                {[
                  t("history.fired", { zone }),
                  t("history.resolved", { zone }),
                  t("history.rule"),
                  t("history.target"),
                  t("history.value"),
                ].map((label) => (
                  <th key={label} scope="col" className={th}>
                    {label}
                  </th>
                ))}
              </tr>
            }
          >
            <tbody className="divide-y divide-gray-100">
              {history.rows.map((e) => (
                <tr key={e.id} data-testid="alert-row">
                  <td className={td}>
                    <TwoLineTime value={e.firedAt} timeZone={timeZone} />
                  </td>
                  <td className={td} data-testid="alert-resolved">
                    {e.resolvedAt ? (
                      <TwoLineTime value={e.resolvedAt} timeZone={timeZone} />
                    ) : (
                      <Badge tone="red">{t("history.firing")}</Badge>
                    )}
                  </td>
                  <td className={td}>{t(`history.rules.${e.rule}`)}</td>
                  <td className={td}>
                    <Link
                      href={`/change-tracking/${e.instanceId}`}
                      className="block truncate font-mono text-sm text-blue-700 hover:underline"
                    >
                      {e.instanceId}
                    </Link>
                    {e.groupId ? (
                      <Link
                        href={`/change-tracking/${e.instanceId}/consume?group=${e.groupId}`}
                        className="block truncate text-xs text-blue-700 hover:underline"
                        title={e.groupName ?? e.groupId}
                      >
                        {e.groupName ? `${e.groupName} (${e.groupId})` : e.groupId}
                      </Link>
                    ) : (
                      <span className="block truncate text-xs text-gray-700">{e.instanceName}</span>
                    )}
                  </td>
                  <td className={td} data-testid="alert-value">
                    {e.rule === "delay" || e.rule === "group_delay"
                      ? t("history.delayValue", { value: seconds(e.value), threshold: seconds(e.threshold) })
                      : e.rule === "stalled"
                        ? t("history.stalledValue", { records: e.value, minutes: e.threshold / 60 })
                        : e.rule === "disconnected"
                          ? t("history.disconnectedValue", { value: seconds(e.value * 60), threshold: seconds(e.threshold * 60) })
                          : tStatus.has(e.detail as never)
                            ? tStatus(e.detail as never)
                            : e.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <EmptyState title={t("history.emptyTitle")}>{t("history.emptyBody")}</EmptyState>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 px-4 py-3">
          <p className="text-sm text-gray-700" role="status">
            {t("history.count", { total: history.total })}
          </p>
          <Pagination page={query.page} pageCount={history.pageCount} hrefFor={(p) => alertsHref(query.instance, p)} />
        </div>
      </section>
      {channels ? (
        <AlertsMessages>
          <ChannelsPanel channels={channels} emailReady={emailAvailable()} />
        </AlertsMessages>
      ) : null}
    </div>
  );
}
