import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translator";
import { MonitoringMessages } from "@/components/i18n/pages/monitoring";
import { MonitoringPanel } from "@/components/monitoring/monitoring-panel";
import { requireUser } from "@/lib/auth/session";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { getInstanceMonitoring } from "@/lib/data/monitoring";
import { monitoringQuerySchema } from "@/lib/validation/monitoring";

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  const [{ instanceId }, t] = await Promise.all([params, getTranslations("monitoring")]);
  return { title: t("metaTitle", { id: instanceId }) };
}

/** The Monitoring tab (docs/rules.md "Consumer history"): every group's delay and backlog over a range. */
export default async function MonitoringPage({
  params,
  searchParams,
}: {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { instanceId } = await params;
  const user = await requireUser();
  const { range } = monitoringQuerySchema.parse(await searchParams);
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
