import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InfoCard, InfoItem } from "@/components/instances/info-card";
import { StatusBadge } from "@/components/tasks/status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { requireUser } from "@/lib/auth/session";
import { getInstance, parseTrackedObjects } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";
import { BILLING_LABELS, formatDateTime } from "@/lib/format";

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  return { title: `${(await params).instanceId} · Basic Information` };
}

export default async function BasicInformationPage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const instance = await getInstance(await requireUser(), instanceId);
  if (!instance) notFound();
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
          <span className="font-mono">{instance.id}</span>
          <CopyButton value={instance.id} label="instance ID" />
        </InfoItem>
        <InfoItem label="Name">{instance.name}</InfoItem>
        <InfoItem label="Status">
          <StatusBadge status={instance.status} />
        </InfoItem>
        <InfoItem label="Region">
          {instance.region.name} <span className="font-mono text-gray-500">({instance.regionId})</span>
        </InfoItem>
        <InfoItem label="Billing Method">{BILLING_LABELS[instance.billingMethod]}</InfoItem>
        <InfoItem label="Created At (UTC)">{formatDateTime(instance.createdAt)}</InfoItem>
        <InfoItem label="Consumption Checkpoint">{formatDateTime(instance.checkpointAt)}</InfoItem>
        <InfoItem label="Consumer Groups">{instance.consumerGroupCount} / {CONSUMER_GROUP_QUOTA}</InfoItem>
      </InfoCard>

      <InfoCard title="Source Endpoint">
        <InfoItem label="Database Type">{instance.sourceType}</InfoItem>
        <InfoItem label="Instance ID">
          <span className="font-mono">{instance.sourceInstanceId}</span>
        </InfoItem>
      </InfoCard>

      <InfoCard title="Tracked Objects">
        <InfoItem label="Objects">
          <ul className="space-y-1">
            {objects.map((o) => (
              <li key={o.database}>
                <span className="font-mono">{o.database}</span>
                <span className="text-gray-500"> · {o.tables.length ? o.tables.join(", ") : "all tables"}</span>
              </li>
            ))}
          </ul>
        </InfoItem>
        <InfoItem label="Data Change Types">
          <span className="inline-flex gap-2">
            <span className={instance.trackDml ? "rounded-sm bg-green-50 px-1.5 text-green-700" : "rounded-sm bg-gray-100 px-1.5 text-gray-400 line-through"}>DML</span>
            <span className={instance.trackDdl ? "rounded-sm bg-green-50 px-1.5 text-green-700" : "rounded-sm bg-gray-100 px-1.5 text-gray-400 line-through"}>DDL</span>
          </span>
        </InfoItem>
      </InfoCard>

      <InfoCard title="Data Range (UTC)">
        <InfoItem label="Begin">{formatDateTime(instance.dataBeginAt)}</InfoItem>
        <InfoItem label="End">{formatDateTime(instance.dataEndAt)}</InfoItem>
      </InfoCard>

      <InfoCard title="Network">
        <InfoItem label="Topic">
          <span className="font-mono">{instance.topic}</span>
          <CopyButton value={instance.topic} label="topic" />
        </InfoItem>
        {endpoints.map((e) => (
          <InfoItem key={e.label} label={`${e.label} Endpoint`}>
            <span className="font-mono">{e.value}</span>
            <CopyButton value={e.value} label={`${e.label.toLowerCase()} endpoint`} />
          </InfoItem>
        ))}
      </InfoCard>
    </div>
  );
}
