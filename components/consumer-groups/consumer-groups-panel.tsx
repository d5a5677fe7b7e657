"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";
import type { InstanceSparklines } from "@/lib/data/heartbeat-history";
import { formatTime } from "@/lib/format";
import { consumeViewSearch, type ConsumeSort, type ConsumeView } from "@/lib/validation/consume-view-url";
import { addDisabledReason, viewGroups } from "./view-groups";
import { ConsumeFilters } from "./consume-filters";
import { ConsumerGroupsTable, FIRST_PAINT_ROWS } from "./consumer-groups-table";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { SessionLapsedError, fetchConsoleJson } from "../shell/console-fetch";
import { DialogRoot } from "../ui/dialog-root";
import { EmptyState } from "../ui/empty-state";
import { RefreshControls, type AutoRefresh } from "../ui/refresh-controls";
import { useHydrated } from "../ui/use-hydrated";
import { AddConsumerGroupDialog } from "./add-consumer-group-dialog";
import { InstanceConnectProvider, type InstanceConnect } from "./connect-guide";
import { GroupDetailsDrawer } from "./group-details";
import { unpackGroupList, type PackedGroupList } from "./packed-groups";
import { consumerGroupKeys } from "./query-keys";

export const POLL_INTERVAL_MS = 5_000;

const fetchJson = <T,>(url: string, what: string) => fetchConsoleJson<T>(url, `Could not refresh the ${what}.`);

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
  children,
}: {
  /** the rows as the page carries them (packed-groups.ts) */
  initial: PackedGroupList;
  /** the instance's topic and endpoints, for the connect guide */
  connect: InstanceConnect;
  initialView: ConsumeView;
  role: Role;
  instanceName: string;
  /** what follows the panel and reads its instance's topic and endpoints (the connect section); the
   * server draws it only when the first screen shows it */
  children?: ReactNode;
}) {
  const instanceId = initial.instanceId;
  const initialData = useMemo(() => unpackGroupList(initial), [initial]);
  const { lapsed, markLapsed } = useConsoleState();
  const { timeZone, label: zone } = useTimeZone();
  const [interval, setIntervalMs] = useState<AutoRefresh>(POLL_INTERVAL_MS);
  const [view, setView] = useState<ConsumeView>(initialView);
  const [search, setSearch] = useState(initialView.q ?? "");
  const [delayOver, setDelayOver] = useState(initialView.delayOver === undefined ? "" : String(initialView.delayOver));
  const drawerTrigger = useRef<HTMLElement | null>(null);
  const t = useTranslations("consume");
  const hydrated = useHydrated();

  const onLapse = (error: unknown) => {
    if (error instanceof SessionLapsedError) markLapsed();
  };
  const list = useQuery({
    queryKey: consumerGroupKeys.list(instanceId),
    queryFn: () => fetchJson<ConsumerGroupList>(`/api/instances/${instanceId}/consumer-groups`, "consumer groups"),
    initialData,
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
        <div className="panel-bar py-3">
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
        <div className="panel-bar py-2.5">
          <ConsumeFilters
            view={view}
            onView={setView}
            search={search}
            onSearch={setSearch}
            delayOver={delayOver}
            onDelayOver={setDelayOver}
          />
          <RefreshControls
            live={{ refresh, interval, setIntervalMs, refreshing: list.isFetching }}
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
          <ConsumerGroupsTable
            groups={shown}
            lines={lines.data}
            linesFailed={lines.isError}
            stale={stale}
            view={view}
            onSort={setSort}
            delayAlertSeconds={data.delayAlertSeconds}
            instanceId={instanceId}
            role={role}
            range={data.dataRange}
            onDetails={(g, trigger) => {
              drawerTrigger.current = trigger;
              setView((v) => ({ ...v, group: g.id }));
            }}
          />
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
      {/* Below more rows than the server draws, what follows is below the first screen too: the
          browser draws it with those rows (consumer-groups-table.tsx FIRST_PAINT_ROWS). */}
      {!hydrated && shown.length > FIRST_PAINT_ROWS ? null : children}
    </InstanceConnectProvider>
  );
}
