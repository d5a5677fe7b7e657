import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InfoCard, InfoItem } from "@/components/instances/info-card";
import { StatusBadge } from "@/components/tasks/status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { requireUser } from "@/lib/auth/session";
import { getInstance, parseTrackedObjects } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";
import { Truncated } from "@/components/ui/truncated";
import { BILLING_LABELS, formatDateTime, zoneLabel } from "@/lib/format";

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  return { title: `${(await params).instanceId} · Basic Information` };
}

export default async function BasicInformationPage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const user = await requireUser();
  const instance = await getInstance(user, instanceId);
  if (!instance) notFound();
  const zone = user.timeZone ?? "UTC";
  const time = (v: Date | null) => formatDateTime(v, zone);
  const objects = parseTrackedObjects(instance.trackedObjects);
  const endpoints = [
    { label: "VPC", value: instance.vpcEndpoint },
    { label: "Private", value: instance.privateEndpoint },
    { label: "Public", value: instance.publicEndpoint },
  ];

  return (
    <div className="space-y-4">
      <InfoCard title="Basic Information">
        <InfoItem label="Instance ID">
          <span className="flex items-center">
            <span className="font-mono">{instance.id}</span>
            <CopyButton value={instance.id} label="instance ID" />
          </span>
        </InfoItem>
        <InfoItem label="Name">{instance.name}</InfoItem>
        <InfoItem label="Status">
          <StatusBadge status={instance.status} />
        </InfoItem>
        <InfoItem label="Region">
          {instance.region.name} <span className="font-mono text-gray-700">({instance.regionId})</span>
        </InfoItem>
        <InfoItem label="Billing Method">{BILLING_LABELS[instance.billingMethod]}</InfoItem>
        <InfoItem label={`Created At (${zoneLabel(zone)})`}>{time(instance.createdAt)}</InfoItem>
        <InfoItem label={`Consumption Checkpoint (${zoneLabel(zone)})`}>{time(instance.checkpointAt)}</InfoItem>
        <InfoItem label="Consumer Groups">
          {instance.consumerGroupCount} / {CONSUMER_GROUP_QUOTA}
        </InfoItem>
      </InfoCard>

      <InfoCard title="Source Endpoint">
        <InfoItem label="Database Type">{instance.sourceType}</InfoItem>
        <InfoItem label="Instance ID">
          <Truncated value={instance.sourceInstanceId} copyLabel="source instance ID" mono />
        </InfoItem>
      </InfoCard>

      <InfoCard title="Tracked Objects">
        <InfoItem label="Objects">
          <ul className="space-y-1">
            {objects.map((o) => (
              <li key={o.database}>
                <span className="font-mono">{o.database}</span>
                <span className="text-gray-700"> · {o.tables.length ? o.tables.join(", ") : "all tables"}</span>
              </li>
            ))}
          </ul>
        </InfoItem>
        <InfoItem label="Data Change Types">
          <span className="inline-flex gap-2">
            <span
              className={
                instance.trackDml
                  ? "rounded-sm bg-green-50 px-1.5 text-green-700"
                  : "rounded-sm bg-gray-100 px-1.5 text-gray-700 line-through"
              }
            >
              DML
            </span>
            <span
              className={
                instance.trackDdl
                  ? "rounded-sm bg-green-50 px-1.5 text-green-700"
                  : "rounded-sm bg-gray-100 px-1.5 text-gray-700 line-through"
              }
            >
              DDL
            </span>
          </span>
        </InfoItem>
      </InfoCard>

      <InfoCard title={`Data Range (${zoneLabel(zone)})`}>
        <InfoItem label="Begin">{time(instance.dataBeginAt)}</InfoItem>
        <InfoItem label="End">{time(instance.dataEndAt)}</InfoItem>
      </InfoCard>

      <InfoCard title="Network">
        <InfoItem label="Topic">
          <Truncated value={instance.topic} copyLabel="topic" mono />
        </InfoItem>
        {endpoints.map((e) => (
          <InfoItem key={e.label} label={`${e.label} Endpoint`}>
            <Truncated value={e.value} copyLabel={`${e.label.toLowerCase()} endpoint`} mono />
          </InfoItem>
        ))}
      </InfoCard>
    </div>
  );
}
