"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";
import type { InstanceSparklines } from "@/lib/data/heartbeat-history";
import { formatTime, lagLevel } from "@/lib/format";
import {
  CONSUME_STATES,
  consumeViewSearch,
  DELAY_OVER_MAX,
  delayOverOf,
  type ConsumeSort,
  type ConsumeSortKey,
  type ConsumeState,
  type ConsumeView,
} from "@/lib/validation/consume-view-url";
import { addDisabledReason, viewGroups } from "./view-groups";
import { SessionLapsedError, isSessionLapse, useConsoleState, useTimeZone } from "../shell/console-state";
import { cn } from "../ui/cn";
import { DialogRoot } from "../ui/dialog";
import { EmptyState } from "../ui/empty-state";
import { inputClass } from "../ui/field";
import { RefreshControls, type AutoRefresh } from "../ui/refresh-controls";
import { TableScroll } from "../ui/table-scroll";
import { Truncated } from "../ui/truncated";
import { TwoLineTime } from "../ui/two-line-time";
import { AddConsumerGroupDialog } from "./add-consumer-group-dialog";
import { InstanceConnectProvider, type InstanceConnect } from "./connect-guide";
import { GroupActions } from "./group-actions";
import { GroupDetailsDrawer } from "./group-details";
import { GroupState } from "./group-state";
import { LagTrend } from "./lag-trend";
import { consumerGroupKeys } from "./query-keys";
import { Sparkline } from "./sparkline";
import { useMetric } from "./use-metric";

export const POLL_INTERVAL_MS = 5_000;
const NO_TREND = { delay: [], unconsumed: [], trend: null, etaSeconds: null };

async function fetchJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store", redirect: "manual" });
  if (isSessionLapse(res)) throw new SessionLapsedError();
  if (!res.ok) throw new Error(`Could not refresh the ${what}.`);
  return (await res.json()) as T;
}

// Component classes of app/globals.css: the same utilities, named once.
const th = "cg-th";
const td = "cg-td";

function SortHeader({
  label,
  sortKey,
  view,
  onSort,
  className,
}: {
  label: string;
  sortKey: ConsumeSortKey;
  view: ConsumeView;
  onSort: (s: ConsumeSort) => void;
  className?: string;
}) {
  const [key, dir] = view.sort.split("_");
  const active = key === sortKey;
  const next: ConsumeSort =
    active && dir === "desc" ? `${sortKey}_asc` : active ? `${sortKey}_desc` : sortKey === "name" ? `${sortKey}_asc` : `${sortKey}_desc`;
  return (
    <th scope="col" className={cn(th, className)} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <button
        type="button"
        onClick={() => {
          onSort(next);
        }}
        className="inline-flex max-w-full items-center gap-1 rounded-sm text-left hover:text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        <span className="whitespace-normal">{label}</span>
        <span aria-hidden className={active ? "text-blue-700" : "text-gray-400"}>
          {active ? (dir === "asc" ? "↑" : "↓") : "↕"}
        </span>
      </button>
    </th>
  );
}

/**
 * The Data Consume table: consumer groups with their state (from the lease), progress and a
 * sparkline of the last hour; search, sort and the open details drawer live in the URL; refreshed
 * by hand or every 5 or 30 seconds; rows kept while a refresh fails are marked stale; a lapsed
 * session stops the polling and disables the actions.
 */
export function ConsumerGroupsPanel({
  initial,
  connect,
  initialView,
  role,
  instanceName,
}: {
  initial: ConsumerGroupList;
  /** the instance's topic and endpoints, for the connect guide */
  connect: InstanceConnect;
  initialView: ConsumeView;
  role: Role;
  instanceName: string;
}) {
  const instanceId = initial.instanceId;
  const { lapsed, markLapsed } = useConsoleState();
  const { timeZone, label: zone } = useTimeZone();
  const [interval, setIntervalMs] = useState<AutoRefresh>(POLL_INTERVAL_MS);
  const [view, setView] = useState<ConsumeView>(initialView);
  const [search, setSearch] = useState(initialView.q ?? "");
  const [delayOver, setDelayOver] = useState(initialView.delayOver === undefined ? "" : String(initialView.delayOver));
  const delayOverInvalid = delayOver.trim() !== "" && delayOverOf(delayOver) === undefined;
  const drawerTrigger = useRef<HTMLElement | null>(null);
  const t = useTranslations("consume");
  const metric = useMetric();

  const onLapse = (error: unknown) => {
    if (error instanceof SessionLapsedError) markLapsed();
  };
  const list = useQuery({
    queryKey: consumerGroupKeys.list(instanceId),
    queryFn: () => fetchJson<ConsumerGroupList>(`/api/instances/${instanceId}/consumer-groups`, "consumer groups"),
    initialData: initial,
    refetchInterval: lapsed ? false : interval || false,
    refetchOnWindowFocus: !lapsed,
    retry: (count, error) => !(error instanceof SessionLapsedError) && count < 1,
  });
  const lines = useQuery({
    queryKey: consumerGroupKeys.sparklines(instanceId),
    queryFn: () => fetchJson<InstanceSparklines>(`/api/instances/${instanceId}/consumer-groups/sparklines`, "trends"),
    // Not in the page's first answer: the rows come with the page, their last hour right after
    // (README "Benchmark": two statements and most of the page's payload at 20 groups).
    // Minute points: every 30 s is plenty, and never more often than the table.
    refetchInterval: lapsed || !interval ? false : Math.max(interval, 30_000),
    refetchOnWindowFocus: !lapsed,
    retry: false,
  });
  useEffect(() => {
    onLapse(list.error);
    onLapse(lines.error);
    // markLapsed is stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.error, lines.error]);

  // The URL follows the view without a navigation: a copied link reproduces it.
  useEffect(() => {
    const url = `${window.location.pathname}${consumeViewSearch(view)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, "", url);
  }, [view]);

  const data = list.data;
  const stale = list.isError && !(list.error instanceof SessionLapsedError);
  const why = addDisabledReason(data, role);
  const reason =
    why === "role"
      ? t("disabled.role", { role })
      : why === "status"
        ? t("disabled.status")
        : why === "quota"
          ? t("disabled.quota", { quota: data.quota })
          : null;
  const full = data.groups.length >= data.quota;
  const shown = useMemo(() => viewGroups(data.groups, view), [data.groups, view]);
  const openGroup = view.group ? data.groups.find((g) => g.id === view.group) : undefined;
  const refreshing = list.isFetching;

  const refresh = () => {
    void list.refetch();
    void lines.refetch();
  };
  const setSort = (sort: ConsumeSort) => {
    setView((v) => ({ ...v, sort }));
  };

  return (
    <InstanceConnectProvider value={connect}>
      <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="consumer-groups-title">
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-100 px-3 py-3 sm:px-5">
          <div className="flex items-center gap-3">
            <h2 id="consumer-groups-title" tabIndex={-1} className="text-sm font-semibold text-gray-900 focus:outline-none">
              {t("panel.heading")}
            </h2>
            <span
              data-testid="quota"
              aria-label={t("panel.quotaLabel", { used: data.groups.length, quota: data.quota })}
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${full ? "bg-red-50 text-red-800" : "bg-gray-100 text-gray-800"}`}
            >
              {data.groups.length} / {data.quota}
            </span>
          </div>
          <AddConsumerGroupDialog instanceId={instanceId} instanceName={instanceName} disabledReason={reason} />
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-100 px-3 py-2.5 sm:px-5">
          <form
            role="search"
            aria-label={t("panel.searchLabel")}
            className="flex min-w-0 basis-full flex-wrap items-start gap-2 sm:basis-64 sm:flex-1"
            onSubmit={(e) => {
              e.preventDefault();
            }}
          >
            <label htmlFor="group-search" className="sr-only">
              {t("panel.search")}
            </label>
            <input
              id="group-search"
              type="search"
              value={search}
              maxLength={128}
              placeholder={t("panel.search")}
              onChange={(e) => {
                setSearch(e.target.value);
                setView((v) => ({ ...v, q: e.target.value.trim() || undefined }));
              }}
              className={inputClass(false, "w-full max-w-72 min-w-0 basis-full sm:basis-64")}
            />
            <label htmlFor="group-state-filter" className="sr-only">
              {t("filters.state")}
            </label>
            <select
              id="group-state-filter"
              value={view.state ?? ""}
              onChange={(e) => setView((v) => ({ ...v, state: (e.target.value || undefined) as ConsumeState | undefined }))}
              className={inputClass(false, "shrink-0 basis-36")}
            >
              <option value="">{t("filters.allStates")}</option>
              {CONSUME_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`state.${state}`)}
                </option>
              ))}
            </select>
            <span className="flex shrink-0 flex-col">
              <span className="flex items-center gap-1.5">
                <label htmlFor="group-delay-filter" className="text-sm whitespace-nowrap text-gray-700">
                  {t("filters.delayOver")}
                </label>
                <input
                  id="group-delay-filter"
                  inputMode="numeric"
                  autoComplete="off"
                  value={delayOver}
                  placeholder="—"
                  aria-invalid={delayOverInvalid}
                  aria-describedby={delayOverInvalid ? "group-delay-filter-error" : undefined}
                  onChange={(e) => {
                    const text = e.target.value;
                    setDelayOver(text);
                    const seconds = delayOverOf(text);
                    // A value being typed wrong keeps the last good filter; an empty field clears it.
                    if (text.trim() === "" || seconds !== undefined) setView((v) => ({ ...v, delayOver: seconds }));
                  }}
                  className={inputClass(delayOverInvalid, "shrink-0 basis-20")}
                />
              </span>
              {delayOverInvalid ? (
                <span id="group-delay-filter-error" role="alert" className="mt-1 text-xs text-red-600">
                  {t("filters.delayOverInvalid", { max: DELAY_OVER_MAX })}
                </span>
              ) : null}
            </span>
          </form>
          <RefreshControls
            onRefresh={refresh}
            interval={interval}
            onIntervalChange={setIntervalMs}
            refreshing={refreshing}
            disabled={lapsed}
            updatedText={t("panel.updated", { time: formatTime(list.dataUpdatedAt, timeZone), zone })}
            failedText={
              lapsed
                ? t("panel.lapsed")
                : stale
                  ? interval
                    ? t("panel.failedRetrying", { time: formatTime(list.dataUpdatedAt, timeZone), zone })
                    : t("panel.failed", { time: formatTime(list.dataUpdatedAt, timeZone), zone })
                  : null
            }
          />
        </div>

        {data.groups.length === 0 ? (
          <EmptyState title={t("panel.emptyTitle")}>{reason ?? t("panel.emptyBody")}</EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title={t("panel.noMatchTitle")}>
            <p>{t("panel.noMatchBody")}</p>
            <button
              type="button"
              className="row-action mt-2"
              onClick={() => {
                setSearch("");
                setDelayOver("");
                setView((v) => ({ ...v, q: undefined, state: undefined, delayOver: undefined }));
                document.getElementById("group-search")?.focus();
              }}
            >
              {view.state || view.delayOver !== undefined ? t("filters.clear") : t("panel.clearSearch")}
            </button>
          </EmptyState>
        ) : (
          <TableScroll label={t("panel.tableLabel")} stale={stale}>
            {/* Widths: an account (at most 16 characters, what a consumer types) never truncates from
              1280 px up; the actions fit DTS's inline Change Password and Delete beside More. */}
            <table className="w-full min-w-[64rem] table-fixed divide-y divide-gray-200">
              <caption className="sr-only">
                {t("panel.caption")}
                {view.q ? t("panel.captionMatching", { q: view.q }) : ""}
                {stale ? t("panel.captionStale") : ""}
              </caption>
              <colgroup>
                <col className="w-[16%]" />
                <col className="w-[14%]" />
                <col className="w-[8%]" />
                <col className="w-[9%]" />
                <col className="w-[11%]" />
                <col className="w-[12%]" />
                <col className="w-[9%]" />
                <col className="w-[21%]" />
              </colgroup>
              <thead className="bg-gray-50">
                <tr>
                  <SortHeader label={t("panel.idName")} sortKey="name" view={view} onSort={setSort} />
                  <th scope="col" className={th}>
                    {t("panel.account")}
                  </th>
                  <SortHeader label={t("panel.state")} sortKey="state" view={view} onSort={setSort} />
                  <SortHeader label={t("panel.checkpoint", { zone })} sortKey="checkpoint" view={view} onSort={setSort} />
                  <SortHeader label={t("panel.delay")} sortKey="delay" view={view} onSort={setSort} />
                  <SortHeader label={t("panel.unconsumed")} sortKey="unconsumed" view={view} onSort={setSort} />
                  <SortHeader label={t("panel.created", { zone })} sortKey="created" view={view} onSort={setSort} />
                  <th scope="col" className={th}>
                    {t("panel.actions")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {shown.map((g) => {
                  // undefined while the trends load; a group newer than them has none yet.
                  const line = lines.data ? (lines.data.groups[g.id] ?? NO_TREND) : lines.isError ? NO_TREND : undefined;
                  return (
                    <tr key={g.id} className="dt-row" data-stale={stale ? "true" : undefined}>
                      <td className={td}>
                        <Truncated value={g.id} copyLabel={t("panel.copyId")} mono testId="group-id" />
                        <span className="block truncate text-xs text-gray-700" title={g.name}>
                          {g.name}
                        </span>
                      </td>
                      <td className={td}>
                        <Truncated value={g.account} mono className="text-xs" testId="group-account" />
                      </td>
                      <td className={td} data-testid="group-state">
                        <GroupState connected={g.connected} stalled={g.stalled} stale={stale} />
                      </td>
                      <td className={td}>
                        <TwoLineTime value={g.checkpointAt} timeZone={timeZone} />
                      </td>
                      <td className={td}>
                        <span className="cg-metric">
                          <span
                            data-testid="message-delay"
                            data-level={lagLevel(g.messageDelaySeconds, "delaySeconds", data.delayAlertSeconds) ?? undefined}
                            className="lag whitespace-nowrap"
                            title={
                              g.connected ? t("panel.seconds", { value: metric.count(g.messageDelaySeconds) }) : t("panel.notConnected")
                            }
                          >
                            {metric.seconds(g.messageDelaySeconds)}
                          </span>
                          <Sparkline values={line?.delay} label={t("sparkline.delay")} testId="delay-sparkline" />
                        </span>
                      </td>
                      <td className={td}>
                        <span className="cg-metric">
                          <span
                            data-testid="unconsumed-data"
                            data-level={lagLevel(g.unconsumedRecords, "records") ?? undefined}
                            className="lag whitespace-nowrap"
                            title={g.connected ? undefined : t("panel.notConnected")}
                          >
                            {metric.count(g.unconsumedRecords)}
                          </span>
                          <Sparkline values={line?.unconsumed} label={t("sparkline.unconsumed")} testId="unconsumed-sparkline" />
                        </span>
                        {line && g.connected ? <LagTrend health={line} /> : null}
                      </td>
                      <td className={td}>
                        <TwoLineTime value={g.createdAt} timeZone={timeZone} />
                      </td>
                      <td className={td}>
                        <GroupActions
                          group={g}
                          instanceId={instanceId}
                          role={role}
                          range={list.data.dataRange}
                          onDetails={(trigger) => {
                            drawerTrigger.current = trigger;
                            setView((v) => ({ ...v, group: g.id }));
                          }}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
        <DialogRoot
          open={!!openGroup}
          onOpenChange={(next) => {
            if (!next) setView((v) => ({ ...v, group: undefined }));
          }}
        >
          {openGroup ? (
            <GroupDetailsDrawer
              group={openGroup}
              instanceId={instanceId}
              stale={stale}
              interval={interval}
              canEditRule={can(role, "instance.configureAlert")}
              returnFocus={() =>
                drawerTrigger.current?.isConnected ? drawerTrigger.current : document.getElementById("consumer-groups-title")
              }
            />
          ) : null}
        </DialogRoot>
      </section>
    </InstanceConnectProvider>
  );
}
