"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { formatDateTime } from "@/lib/format";
import { useTimeZone } from "../shell/console-state";
import { Truncated } from "../ui/truncated";
import { DialogBody, DialogContent } from "../ui/dialog";
import { Tabs, tabPanelProps } from "../ui/tabs";
import { ConnectGuide } from "./connect-guide";
import { GroupState } from "./group-state";
import { useGroupHistory } from "./use-group-history";
import { useMetric } from "./use-metric";
import { mono } from "../ui/rich-tags";

// The chart library comes with the first drawer opened, never with the page.
const GroupAlertRuleForm = dynamic(() => import("./group-alert-rule"), { ssr: false });
const TrendCharts = dynamic(() => import("./trend-charts"), {
  ssr: false,
  loading: () => <LoadingCharts />,
});

function LoadingCharts() {
  const t = useTranslations("consume.details");
  return <p className="text-sm text-gray-700">{t("loadingCharts")}</p>;
}

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-1 gap-x-3 gap-y-0.5 py-1.5 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
      <dt className="text-gray-700">{label}</dt>
      <dd className="min-w-0 text-gray-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * A consumer group's details: the SASL user to connect with, the live consumer (state, address,
 * since when, until when), the progress, and the trend of the last hour from the heartbeat history.
 */
export function GroupDetailsDrawer({
  group,
  instanceId,
  stale,
  interval,
  returnFocus,
  canEditRule,
}: {
  group: ConsumerGroupRow;
  instanceId: string;
  stale: boolean;
  interval: number;
  returnFocus: () => HTMLElement | null;
  /** operators and admins change the group's alert rule */
  canEditRule: boolean;
}) {
  const { timeZone, label } = useTimeZone();
  const t = useTranslations("consume");
  const metric = useMetric();
  const history = useGroupHistory(instanceId, group.id, interval);
  const sasl = `${group.account}-${group.id}`;
  const [tab, setTab] = useState<"overview" | "connect" | "rule">("overview");
  const tabs = useId();
  const time = (v: string | null) => (v ? t("details.time", { time: formatDateTime(v, timeZone), zone: label }) : "—");

  return (
    <DialogContent
      placement="right"
      title={<span className="break-all">{group.name}</span>}
      description={t.rich("details.description", { id: group.id, mono })}
      returnFocus={returnFocus}
    >
      <DialogBody className="space-y-4">
        <Tabs
          label={t("connectGuide.tabsLabel")}
          tabs={[
            { id: "overview", label: t("connectGuide.overview") },
            { id: "connect", label: t("connectGuide.tab") },
            { id: "rule", label: t("alertRule.tab") },
          ]}
          value={tab}
          onChange={setTab}
          idPrefix={tabs}
        />
        {tab === "connect" ? (
          <div {...tabPanelProps(tabs, tab)}>
            <ConnectGuide groupId={group.id} account={group.account} />
          </div>
        ) : tab === "rule" ? (
          <div {...tabPanelProps(tabs, tab)}>
            <GroupAlertRuleForm group={group} instanceId={instanceId} canEdit={canEditRule} />
          </div>
        ) : (
          <div {...tabPanelProps(tabs, tab)} className="space-y-6">
            {stale ? (
              <p role="status" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {t("details.stale")}
              </p>
            ) : null}
            <section aria-labelledby="details-connect">
              <h3 id="details-connect" className="mb-1 text-sm font-semibold text-gray-900">
                {t("details.connection")}
              </h3>
              <dl className="divide-y divide-gray-100">
                <Item label={t("details.saslUser")} testId="details-sasl-user">
                  <Truncated value={sasl} copyLabel={t("details.copySaslUser")} mono />
                </Item>
                <Item label={t("details.state")} testId="details-state">
                  <GroupState connected={group.connected} stalled={group.stalled} stale={stale} />
                </Item>
                <Item label={t("details.client")} testId="details-client">
                  <span className="font-mono">{group.clientIp ?? "—"}</span>
                </Item>
                <Item label={t("details.connectedSince")}>{time(group.connectedAt)}</Item>
                <Item label={t("details.leaseExpires")}>{time(group.leaseExpiresAt)}</Item>
              </dl>
            </section>
            <section aria-labelledby="details-progress">
              <h3 id="details-progress" className="mb-1 text-sm font-semibold text-gray-900">
                {t("details.progress")}
              </h3>
              <dl className="divide-y divide-gray-100">
                <Item label={t("details.checkpoint")}>{time(group.checkpointAt)}</Item>
                <Item label={t("details.delay")} testId="details-delay">
                  {metric.seconds(group.messageDelaySeconds)}
                </Item>
                <Item label={t("details.unconsumed")} testId="details-unconsumed">
                  {metric.count(group.unconsumedRecords)}
                </Item>
                <Item label={t("details.account")}>
                  <span className="font-mono">{group.account}</span>
                </Item>
                <Item label={t("details.createdAt")}>{time(group.createdAt)}</Item>
              </dl>
              {!group.connected ? <p className="mt-2 text-xs text-gray-700">{t("details.idleNote")}</p> : null}
            </section>
            <section aria-labelledby="details-trend">
              <h3 id="details-trend" className="mb-2 text-sm font-semibold text-gray-900">
                {t("details.trend")}
              </h3>
              {history.data ? (
                <TrendCharts
                  samples={history.data.samples}
                  from={history.data.from}
                  to={history.data.to}
                  timeZone={timeZone}
                  zoneText={label}
                />
              ) : history.isError ? (
                <p className="text-sm text-red-700">{t("details.historyFailed")}</p>
              ) : (
                <p className="text-sm text-gray-700">{t("details.loadingHistory")}</p>
              )}
            </section>
          </div>
        )}
      </DialogBody>
    </DialogContent>
  );
}
