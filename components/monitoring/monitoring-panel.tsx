"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { can, type Role } from "@/lib/auth/roles";
import { formatMetric } from "@/lib/format";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import type { InstanceMonitoring } from "@/lib/data/monitoring";
import { MONITOR_RANGE_KEYS, monitoringHref, type MonitorRange } from "@/lib/validation/monitoring";
import { useMetric } from "../consumer-groups/use-metric";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { SessionLapsedError, fetchConsoleJson } from "../shell/console-fetch";
import { Button } from "../ui/button";
import { DialogBody, DialogContent } from "../ui/dialog";
import { DialogRoot } from "../ui/dialog-root";
import { EmptyState } from "../ui/empty-state";
import { Field, inputClass } from "../ui/field";
import { cn } from "../ui/cn";
import type { ChartLine, ChartPick } from "./monitor-chart";
import { PanelHeader } from "../ui/panel-header";

const MonitorChart = dynamic(() => import("./monitor-chart"), {
  ssr: false,
  loading: () => <div className="h-[180px] rounded-sm bg-gray-50 sm:h-[220px]" />,
});
const GroupAlertRuleForm = dynamic(() => import("../consumer-groups/group-alert-rule"), { ssr: false });

/** Up to 20 groups: 20 colours a person tells apart (Tableau 20, darker of each pair first). */
const PALETTE = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
]; // prettier-ignore

type Group = Pick<ConsumerGroupRow, "id" | "name" | "alertRule">;

const fetchMonitoring = (instanceId: string, range: MonitorRange) =>
  fetchConsoleJson<InstanceMonitoring>(`/api/instances/${instanceId}/monitoring?range=${range}`, "Could not refresh the charts.");

/**
 * The Monitoring tab (docs/rules.md "Consumer history"): every group's delay and backlog on one
 * chart each, over 1 h, 6 h, 24 h or 7 days (the range in the URL), refreshed while open; groups
 * shown or hidden from the legend; "Create alert rule" for a group, from the button or a click on
 * the delay chart.
 */
export function MonitoringPanel({
  instanceId,
  initial,
  groups,
  delayAlertSeconds,
  role,
}: {
  instanceId: string;
  initial: InstanceMonitoring;
  groups: Group[];
  delayAlertSeconds: number | null;
  role: Role;
}) {
  const t = useTranslations("monitoring");
  const locale = useLocale();
  const router = useRouter();
  const { timeZone, label: zone } = useTimeZone();
  const { lapsed, markLapsed } = useConsoleState();
  const figures = useMetric();
  const range = initial.range;
  const canCreate = can(role, "instance.configureAlert");
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [rule, setRule] = useState<{ groupId: string; delayOver?: number } | null>(null);

  const query = useQuery({
    queryKey: ["monitoring", instanceId, range],
    queryFn: async () => {
      try {
        return await fetchMonitoring(instanceId, range);
      } catch (error) {
        if (error instanceof SessionLapsedError) markLapsed();
        throw error;
      }
    },
    initialData: initial,
    initialDataUpdatedAt: initial.to,
    // About a step at a time: every 10 s for the last hour, a minute for 6 and 24 hours, 5 minutes for 7 days.
    refetchInterval: lapsed ? false : range === "1h" ? 10_000 : range === "7d" ? 300_000 : 60_000,
    enabled: !lapsed,
  });
  const data = query.data;

  const colours = useMemo(() => new Map(groups.map((g, i) => [g.id, PALETTE[i % PALETTE.length]])), [groups]);
  const lines = useMemo(() => {
    const of = (pick: "delay" | "unconsumed"): ChartLine[] =>
      groups.map((g) => ({
        id: g.id,
        label: g.name,
        color: colours.get(g.id) ?? PALETTE[0],
        values: data.groups[g.id]?.[pick] ?? Array<number | null>(data.points).fill(null),
        shown: !hidden.has(g.id),
      }));
    return { delay: of("delay"), unconsumed: of("unconsumed") };
  }, [groups, colours, data, hidden]);

  if (!groups.length) {
    return (
      <section className="rounded-sm border border-gray-200 bg-white">
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      </section>
    );
  }

  // Both charts' value axes as wide as the wider one's labels (its highest value, with room above).
  const axisChars = Math.max(
    2,
    ...(["delay", "unconsumed"] as const).map((kind) => {
      const high = Math.max(0, ...lines[kind].flatMap((l) => (l.shown ? l.values.filter((v): v is number => v !== null) : [])));
      return formatMetric(Math.ceil(high * 1.1), "", locale).length;
    }),
  );
  const rangeText = t(`ranges.${range}`);
  function summary(kind: "delay" | "unconsumed") {
    const title = t(`charts.${kind}`);
    let high: { value: number; name: string } | null = null;
    for (const line of lines[kind]) {
      if (!line.shown) continue;
      for (const v of line.values) if (v !== null && (high === null || v > high.value)) high = { value: v, name: line.label };
    }
    if (!high) return t("noSamples", { title, range: rangeText });
    const value = kind === "delay" ? figures.seconds(high.value) : figures.count(high.value);
    return t("summary", { title, count: lines[kind].filter((l) => l.shown).length, range: rangeText, high: value, group: high.name });
  }

  const ruleGroup = rule ? groups.find((g) => g.id === rule.groupId) : undefined;
  const onPick = canCreate && !lapsed ? (p: ChartPick) => setRule({ groupId: p.lineId, delayOver: p.value }) : undefined;

  return (
    <section className="space-y-4 rounded-sm border border-gray-200 bg-white p-3 sm:p-4" aria-labelledby="monitoring-title">
      <PanelHeader id="monitoring-title" title={t("title")} intro={t("intro")}>
        {canCreate ? (
          <Button variant="primary" disabled={lapsed} onClick={() => setRule({ groupId: groups[0].id })}>
            {t("createRule")}
          </Button>
        ) : null}
      </PanelHeader>

      <nav aria-label={t("rangeLabel")} className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-gray-700">{t("rangeLabel")}</span>
        <span className="inline-flex overflow-hidden rounded-sm border border-gray-300">
          {MONITOR_RANGE_KEYS.map((r) => (
            <Link
              key={r}
              href={monitoringHref(instanceId, r)}
              scroll={false}
              aria-current={r === range ? "page" : undefined}
              className={cn(
                "border-l border-gray-300 px-3 py-1 text-sm first:border-l-0",
                r === range ? "bg-blue-600 text-white" : "bg-white text-gray-800 hover:text-blue-700",
              )}
            >
              {t(`ranges.${r}`)}
            </Link>
          ))}
        </span>
        {query.isError ? (
          <span role="status" className="text-sm text-red-700">
            {t("loadFailed")}
          </span>
        ) : null}
      </nav>

      <ul aria-label={t("legend")} className="flex flex-wrap gap-2">
        {groups.map((g) => {
          const shown = !hidden.has(g.id);
          return (
            <li key={g.id}>
              <button
                type="button"
                aria-pressed={shown}
                aria-label={t("toggle", { name: g.name })}
                data-testid="monitor-legend"
                onClick={() =>
                  setHidden((prev) => {
                    const next = new Set(prev);
                    if (shown) next.add(g.id);
                    else next.delete(g.id);
                    return next;
                  })
                }
                className={cn(
                  "inline-flex max-w-[16rem] items-center gap-1.5 rounded-sm border px-2 py-0.5 text-xs",
                  shown ? "border-gray-300 text-gray-900" : "border-gray-200 text-gray-500 line-through",
                )}
              >
                <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: colours.get(g.id) }} />
                <span className="truncate">{g.name}</span>
              </button>
            </li>
          );
        })}
      </ul>

      {(["delay", "unconsumed"] as const).map((kind) => (
        <figure key={kind} className="min-w-0">
          <figcaption className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 text-sm">
            <span className="font-medium text-gray-900">{t(`charts.${kind}`)}</span>
            <span className="text-xs text-gray-700">
              {kind === "delay" && delayAlertSeconds ? `${t("threshold", { value: figures.seconds(delayAlertSeconds) })} · ` : null}
              {t("caption", { step: t(`steps.${range}`), zone })}
            </span>
          </figcaption>
          <MonitorChart
            testId={`monitor-${kind}`}
            label={summary(kind)}
            lines={lines[kind]}
            from={data.from}
            stepMs={data.stepMs}
            points={data.points}
            timeZone={timeZone}
            threshold={kind === "delay" ? delayAlertSeconds : null}
            axisChars={axisChars}
            onPick={kind === "delay" ? onPick : undefined}
          />
          <p className="mt-1 text-xs text-gray-700" data-testid={`monitor-${kind}-summary`}>
            {summary(kind)}
          </p>
        </figure>
      ))}
      {canCreate ? <p className="text-xs text-gray-700">{t("createHint")}</p> : null}

      <DialogRoot open={rule !== null} onOpenChange={(open) => (open ? undefined : setRule(null))}>
        {rule && ruleGroup ? (
          <DialogContent title={t("createRule")} description={t("ruleDescription")}>
            <DialogBody className="space-y-4">
              <Field id="monitor-rule-group" label={t("groupLabel")} required>
                {(aria) => (
                  <select
                    {...aria}
                    value={rule.groupId}
                    onChange={(e) => setRule({ groupId: e.target.value, delayOver: rule.delayOver })}
                    className={inputClass(false)}
                  >
                    {groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <GroupAlertRuleForm
                key={ruleGroup.id}
                group={ruleGroup}
                instanceId={instanceId}
                canEdit={canCreate}
                suggestDelayOver={rule.delayOver}
                intro={false}
                onSaved={() => {
                  setRule(null);
                  router.refresh();
                }}
              />
            </DialogBody>
          </DialogContent>
        ) : null}
      </DialogRoot>
    </section>
  );
}
