import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsumerGroupsPanel } from "@/components/consumer-groups/consumer-groups-panel";
import { Truncated } from "@/components/ui/truncated";
import { requireUser } from "@/lib/auth/session";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { listSparklines } from "@/lib/data/heartbeat-history";
import { getInstance } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";
import { consumeViewSchema } from "@/lib/validation/consume-view";

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  return { title: `${(await params).instanceId} · Data Consume` };
}

export default async function DataConsumePage({
  params,
  searchParams,
}: {
  params: Promise<{ instanceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { instanceId } = await params;
  const user = await requireUser();
  const view = consumeViewSchema.parse(await searchParams);
  const [instance, groups, sparklines] = await Promise.all([
    getInstance(user, instanceId),
    listConsumerGroups(user, instanceId),
    listSparklines(user, instanceId),
  ]);
  if (!instance || !groups) notFound();
  const example = groups.groups.at(0);

  return (
    <div className="space-y-4">
      <div className="rounded-sm border border-blue-100 bg-blue-50 px-4 py-3 text-sm text-gray-800">
        <p className="font-medium text-gray-900">Usage notes</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>
            You can create up to {CONSUMER_GROUP_QUOTA} consumer groups in a change tracking instance to consume the same data repeatedly.
          </li>
          <li>Each consumer group allows only one consumer at a time. Consumers in different groups track the data independently.</li>
          <li>
            DTS reads incremental data by using the DStore module or a client.{" "}
            <strong>If you switch between the DStore module and a client, data may be duplicated.</strong>
          </li>
        </ul>
      </div>

      <ConsumerGroupsPanel
        initial={groups}
        initialSparklines={sparklines}
        initialView={view}
        role={user.role}
        instanceName={instance.name}
      />

      <section className="rounded-sm border border-gray-200 bg-white p-4 text-sm text-gray-800 sm:p-5" aria-labelledby="connect-title">
        <h2 id="connect-title" className="font-semibold text-gray-900">
          How consumers connect
        </h2>
        <p className="mt-2">
          Use a Kafka client with <code className="rounded bg-gray-100 px-1 font-mono">group.id</code> set to the consumer group ID and SASL
          PLAIN user <code className="rounded bg-gray-100 px-1 font-mono">&lt;account&gt;-&lt;consumerGroupId&gt;</code> with the
          group&apos;s password, or use the DTS SDK.
        </p>
        <dl className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
          <div className="min-w-0">
            <dt className="text-gray-700">Topic</dt>
            <dd>
              <Truncated value={instance.topic} copyLabel="topic" mono />
            </dd>
          </div>
          <div className="min-w-0">
            <dt className="text-gray-700">Endpoint (VPC)</dt>
            <dd>
              <Truncated value={instance.vpcEndpoint} copyLabel="VPC endpoint" mono />
            </dd>
          </div>
          <div className="min-w-0">
            <dt className="text-gray-700">Endpoint (public)</dt>
            <dd>
              <Truncated value={instance.publicEndpoint} copyLabel="public endpoint" mono />
            </dd>
          </div>
          {example ? (
            <div className="min-w-0">
              <dt className="text-gray-700">Example SASL user for {example.name}</dt>
              <dd>
                <Truncated value={`${example.account}-${example.id}`} copyLabel="example SASL user" mono />
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
