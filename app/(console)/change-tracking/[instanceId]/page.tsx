import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/i18n/translator";
import { instanceTitle } from "./instance-page";
import { localRegionName } from "@/components/regions/region-names";
import { InstanceMessages } from "@/components/i18n/pages/instance";
import { AlertSettingsButton } from "@/components/instances/alert-settings-button";
import { InfoCard, InfoItem } from "@/components/instances/info-card";
import { StatusBadge } from "@/components/tasks/status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { getInstanceAlert } from "@/lib/data/instance-alerts";
import { getInstance, parseTrackedObjects } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";
import { Truncated } from "@/components/ui/truncated";
import { formatDateTime, formatDuration, zoneLabel } from "@/lib/format";

export const generateMetadata = instanceTitle("instance");

export default async function BasicInformationPage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const [user, t, tCommon, tRegions, locale] = await Promise.all([
    requireUser(),
    getTranslations("instance"),
    getTranslations("common"),
    getTranslations("regions"),
    getLocale(),
  ]);
  const [instance, alert] = await Promise.all([getInstance(user, instanceId), getInstanceAlert(user, instanceId)]);
  if (!instance || !alert) notFound();
  const zone = await displayTimeZone(user);
  const zoneText = zoneLabel(zone);
  const time = (v: Date | null) => formatDateTime(v, zone);
  const objects = parseTrackedObjects(instance.trackedObjects);
  const regionName = localRegionName(tRegions, { id: instance.regionId, name: instance.region.name });
  const endpoints = [
    { key: "vpc", label: t("network.vpc"), copyLabel: t("network.copyVpc"), value: instance.vpcEndpoint },
    { key: "private", label: t("network.private"), copyLabel: t("network.copyPrivate"), value: instance.privateEndpoint },
    { key: "public", label: t("network.public"), copyLabel: t("network.copyPublic"), value: instance.publicEndpoint },
  ];
  const changeType = (on: boolean) =>
    on ? "rounded-sm bg-green-50 px-1.5 text-green-700" : "rounded-sm bg-gray-100 px-1.5 text-gray-700 line-through";

  return (
    <div className="space-y-4">
      <InfoCard id="basic" title={t("basic.title")}>
        <InfoItem label={t("basic.instanceId")}>
          <span className="flex items-center">
            <span className="font-mono">{instance.id}</span>
            <CopyButton value={instance.id} label={t("basic.copyInstanceId")} />
          </span>
        </InfoItem>
        <InfoItem label={t("basic.name")}>{instance.name}</InfoItem>
        <InfoItem label={t("basic.status")}>
          <StatusBadge status={instance.status} />
        </InfoItem>
        <InfoItem label={t("basic.region")}>
          {regionName} <span className="font-mono text-gray-700">({instance.regionId})</span>
        </InfoItem>
        <InfoItem label={t("basic.billing")}>{tCommon(`billing.${instance.billingMethod}`)}</InfoItem>
        <InfoItem label={t("basic.createdAt", { zone: zoneText })}>{time(instance.createdAt)}</InfoItem>
        <InfoItem label={t("basic.checkpoint", { zone: zoneText })}>{time(instance.checkpointAt)}</InfoItem>
        <InfoItem label={t("basic.consumerGroups")}>
          {instance.consumerGroupCount} / {CONSUMER_GROUP_QUOTA}
        </InfoItem>
      </InfoCard>

      <InfoCard id="source" title={t("source.title")}>
        <InfoItem label={t("source.type")}>{instance.sourceType}</InfoItem>
        <InfoItem label={t("source.instanceId")}>
          <Truncated value={instance.sourceInstanceId} copyLabel={t("source.copyInstanceId")} mono />
        </InfoItem>
      </InfoCard>

      <InfoCard id="objects" title={t("objects.title")}>
        <InfoItem label={t("objects.objects")}>
          <ul className="space-y-1">
            {objects.map((o) => (
              <li key={o.database}>
                <span className="font-mono">{o.database}</span>
                <span className="text-gray-700"> · {o.tables.length ? o.tables.join(", ") : t("objects.allTables")}</span>
              </li>
            ))}
          </ul>
        </InfoItem>
        <InfoItem label={t("objects.changeTypes")}>
          <span className="inline-flex gap-2">
            <span className={changeType(instance.trackDml)}>{t("objects.dml")}</span>
            <span className={changeType(instance.trackDdl)}>{t("objects.ddl")}</span>
          </span>
        </InfoItem>
      </InfoCard>

      <InfoCard id="range" title={t("range.title", { zone: zoneText })}>
        <InfoItem label={t("range.begin")}>{time(instance.dataBeginAt)}</InfoItem>
        <InfoItem label={t("range.end")}>{time(instance.dataEndAt)}</InfoItem>
      </InfoCard>

      <InfoCard
        id="alerts"
        title={t("alerts.title")}
        action={
          can(user.role, "instance.configureAlert") ? (
            <InstanceMessages>
              <AlertSettingsButton
                instanceId={instance.id}
                current={{
                  delayAlert: alert.delayAlert,
                  delayOverSeconds: alert.delayOverSeconds === null ? "" : String(alert.delayOverSeconds),
                  delayAlertPhone: alert.delayAlertPhone,
                  errorAlert: alert.errorAlert,
                  errorAlertPhone: alert.errorAlertPhone,
                }}
              />
            </InstanceMessages>
          ) : null
        }
      >
        <InfoItem label={t("alerts.delay")}>
          <span data-testid="alert-delay">
            {alert.delayAlert && alert.delayOverSeconds !== null
              ? t("alerts.delayOn", { threshold: formatDuration(alert.delayOverSeconds, locale) })
              : t("alerts.off")}
          </span>
        </InfoItem>
        <InfoItem label={t("alerts.delayPhone")}>{alert.delayAlertPhone.replaceAll(",", ", ") || t("alerts.none")}</InfoItem>
        <InfoItem label={t("alerts.error")}>
          <span data-testid="alert-error">{alert.errorAlert ? t("alerts.on") : t("alerts.off")}</span>
        </InfoItem>
        <InfoItem label={t("alerts.errorPhone")}>{alert.errorAlertPhone.replaceAll(",", ", ") || t("alerts.none")}</InfoItem>
        <InfoItem label={t("alerts.updated", { zone: zoneText })}>
          {alert.updatedAt && alert.updatedBy
            ? t("alerts.updatedBy", { time: time(alert.updatedAt), account: alert.updatedBy })
            : t("alerts.never")}{" "}
          ·{" "}
          <Link href={`/alerts?instance=${instance.id}`} className="text-blue-700 underline">
            {t("alerts.history")}
          </Link>
        </InfoItem>
      </InfoCard>

      <InfoCard id="network" title={t("network.title")}>
        <InfoItem label={t("network.topic")}>
          <Truncated value={instance.topic} copyLabel={t("network.copyTopic")} mono />
        </InfoItem>
        {endpoints.map((e) => (
          <InfoItem key={e.key} label={e.label}>
            <Truncated value={e.value} copyLabel={e.copyLabel} mono />
          </InfoItem>
        ))}
      </InfoCard>
    </div>
  );
}
