"use client";

import { useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import type { Role } from "@/lib/auth/roles";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import type { InstanceSparklines } from "@/lib/data/heartbeat-history";
import { lagLevel } from "@/lib/format";
import type { ConsumeSort, ConsumeSortKey, ConsumeView } from "@/lib/validation/consume-view-url";
import { useTimeZone } from "../shell/console-state";
import { cn } from "../ui/cn";
import { DataTable } from "../ui/data-table";
import { Truncated } from "../ui/truncated";
import { TwoLineTime } from "../ui/two-line-time";
import { useHydrated } from "../ui/use-hydrated";
import { GroupActions } from "./group-actions";
import type { DataRange } from "./reset-checkpoint-dialog";
import { GroupState } from "./group-state";
import { LagTrend } from "./lag-trend";
import { Sparkline } from "./sparkline";
import { useMetric } from "./use-metric";

const NO_TREND = { delay: [], unconsumed: [], trend: null, etaSeconds: null };

/**
 * The rows the server draws: as many as 1440x900 shows under the page's header (the sixth cut by
 * the screen's edge; 1280x800 shows five, a phone one). The rest are drawn by the browser once the
 * page runs (their data is in the page already), held until then by one placeholder row of their
 * height, so nothing below moves. 20 rows of markup were 36 KB of a 77 KB page (README "Benchmark").
 */
export const FIRST_PAINT_ROWS = 6;

// Component classes of app/globals.css: the same utilities, named once (the cells by their place
// in .cg-rows, not a class each).
const th = "cg-th";

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
        className="th-sort"
      >
        {/* The name wraps; the arrow is grey until the column sorts (app/globals.css .th-sort). */}
        <span>{label}</span>
        <span aria-hidden>{active ? (dir === "asc" ? "↑" : "↓") : "↕"}</span>
      </button>
    </th>
  );
}

/**
 * The Data Consume table's rows: each group's ID and name, account, state, checkpoint, delay and
 * backlog with their sparklines and trend, creation time and actions; sortable headers.
 */
export function ConsumerGroupsTable({
  groups,
  lines,
  linesFailed,
  stale,
  view,
  onSort,
  delayAlertSeconds,
  instanceId,
  role,
  range,
  onDetails,
}: {
  groups: ConsumerGroupRow[];
  /** the last hour of each group, once loaded */
  lines: InstanceSparklines | undefined;
  linesFailed: boolean;
  stale: boolean;
  view: ConsumeView;
  onSort: (sort: ConsumeSort) => void;
  delayAlertSeconds: number | null;
  instanceId: string;
  role: Role;
  range: DataRange;
  onDetails: (group: ConsumerGroupRow, trigger: HTMLElement) => void;
}) {
  const t = useTranslations("consume");
  const { timeZone, label: zone } = useTimeZone();
  const metric = useMetric();
  const hydrated = useHydrated();
  const drawn = hydrated ? groups : groups.slice(0, FIRST_PAINT_ROWS);
  // Widths: an account (at most 16 characters, what a consumer types) never truncates from 1280 px
  // up; the actions fit DTS's inline Change Password and Delete beside More; a "Connected" badge
  // fits its column at 1280 px; a six-digit backlog keeps its trend line beside it, and a long
  // delay's goes under it (.cg-metric), so no row grows. e2e/layout.spec.ts measures each at 1280
  // and 1440 px.
  return (
    <DataTable
      label={t("panel.tableLabel")}
      stale={stale}
      caption={
        <>
          {t("panel.caption")}
          {view.q ? t("panel.captionMatching", { q: view.q }) : ""}
          {stale ? t("panel.captionStale") : ""}
        </>
      }
      minWidth="min-w-[64rem]"
      columns={["w-[16%]", "w-[14%]", "w-[11%]", "w-[9%]", "w-[10%]", "w-[12%]", "w-[9%]", "w-[19%]"]}
      head={
        <tr>
          <SortHeader label={t("panel.idName")} sortKey="name" view={view} onSort={onSort} />
          <th scope="col" className={th}>
            {t("panel.account")}
          </th>
          <SortHeader label={t("panel.state")} sortKey="state" view={view} onSort={onSort} />
          <SortHeader label={t("panel.checkpoint", { zone })} sortKey="checkpoint" view={view} onSort={onSort} />
          <SortHeader label={t("panel.delay")} sortKey="delay" view={view} onSort={onSort} />
          <SortHeader label={t("panel.unconsumed")} sortKey="unconsumed" view={view} onSort={onSort} />
          <SortHeader label={t("panel.created", { zone })} sortKey="created" view={view} onSort={onSort} />
          <th scope="col" className={th}>
            {t("panel.actions")}
          </th>
        </tr>
      }
    >
      <tbody className="cg-rows divide-y divide-gray-100">
        {drawn.map((g) => {
          // undefined while the trends load; a group newer than them has none yet.
          const line = lines ? (lines.groups[g.id] ?? NO_TREND) : linesFailed ? NO_TREND : undefined;
          return (
            <tr key={g.id} className="dt-row" data-stale={stale ? "true" : undefined}>
              <td>
                <Truncated value={g.id} copyLabel={t("panel.copyId")} mono testId="group-id" />
                <span className="dt-sub" title={g.name}>
                  {g.name}
                </span>
              </td>
              <td>
                <Truncated value={g.account} mono className="text-xs" testId="group-account" />
              </td>
              <td data-testid="group-state">
                <GroupState connected={g.connected} stalled={g.stalled} stale={stale} />
              </td>
              <td>
                <TwoLineTime value={g.checkpointAt} timeZone={timeZone} />
              </td>
              <td>
                <span className="cg-metric">
                  <span
                    data-testid="message-delay"
                    data-level={lagLevel(g.messageDelaySeconds, "delaySeconds", delayAlertSeconds) ?? undefined}
                    className="lag"
                    title={g.connected ? t("panel.seconds", { value: metric.count(g.messageDelaySeconds) }) : t("panel.notConnected")}
                  >
                    {metric.seconds(g.messageDelaySeconds)}
                  </span>
                  <Sparkline values={line?.delay} label={t("sparkline.delay")} testId="delay-sparkline" />
                </span>
              </td>
              <td>
                <span className="cg-metric">
                  <span
                    data-testid="unconsumed-data"
                    data-level={lagLevel(g.unconsumedRecords, "records") ?? undefined}
                    className="lag"
                    title={g.connected ? undefined : t("panel.notConnected")}
                  >
                    {metric.count(g.unconsumedRecords)}
                  </span>
                  <Sparkline values={line?.unconsumed} label={t("sparkline.unconsumed")} testId="unconsumed-sparkline" />
                </span>
                {line && g.connected ? <LagTrend health={line} /> : null}
              </td>
              <td>
                <TwoLineTime value={g.createdAt} timeZone={timeZone} />
              </td>
              <td>
                <GroupActions
                  group={g}
                  instanceId={instanceId}
                  role={role}
                  range={range}
                  onDetails={(trigger) => {
                    onDetails(g, trigger);
                  }}
                />
              </td>
            </tr>
          );
        })}
        {hydrated || groups.length <= FIRST_PAINT_ROWS ? null : (
          <tr aria-hidden className="cg-placeholder" style={{ "--rows": groups.length - FIRST_PAINT_ROWS } as CSSProperties}>
            <td colSpan={8} />
          </tr>
        )}
      </tbody>
    </DataTable>
  );
}
