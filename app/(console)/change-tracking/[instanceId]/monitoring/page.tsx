import { notFound } from "next/navigation";
import { instanceTitle, openInstanceTab, type InstancePageProps } from "../instance-page";
import { MonitoringMessages } from "@/components/i18n/pages/monitoring";
import { MonitoringPanel } from "@/components/monitoring/monitoring-panel";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { getInstanceMonitoring } from "@/lib/data/monitoring";
import { monitoringQuerySchema } from "@/lib/validation/monitoring";

export const generateMetadata = instanceTitle("monitoring");

/** The Monitoring tab (docs/rules.md "Consumer history"): every group's delay and backlog over a range. */
export default async function MonitoringPage(props: InstancePageProps) {
  const {
    instanceId,
    user,
    query: { range },
  } = await openInstanceTab(props, monitoringQuerySchema);
  const [list, monitoring] = await Promise.all([listConsumerGroups(user, instanceId), getInstanceMonitoring(user, instanceId, range)]);
  if (!list || !monitoring) notFound();
  // Oldest first: a group keeps its colour when another is added.
  const groups = list.groups.map((g) => ({ id: g.id, name: g.name, alertRule: g.alertRule })).reverse();

  return (
    <MonitoringMessages>
      <MonitoringPanel
        instanceId={instanceId}
        initial={monitoring}
        groups={groups}
        delayAlertSeconds={list.delayAlertSeconds}
        role={user.role}
      />
    </MonitoringMessages>
  );
}
