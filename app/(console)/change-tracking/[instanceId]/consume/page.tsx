import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConsumerGroupsPanel } from "@/components/consumer-groups/consumer-groups-panel";
import { requireUser } from "@/lib/auth/session";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { getInstance } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";

export async function generateMetadata({ params }: { params: Promise<{ instanceId: string }> }): Promise<Metadata> {
  return { title: `${(await params).instanceId} · Data Consume` };
}

export default async function DataConsumePage({ params }: { params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const user = await requireUser();
  const [instance, groups] = await Promise.all([getInstance(user, instanceId), listConsumerGroups(user, instanceId)]);
  if (!instance || !groups) notFound();
  const example = groups.groups.at(0);

  return (
    <div className="space-y-4">
      <div className="rounded-sm border border-blue-100 bg-blue-50 px-4 py-3 text-sm text-gray-700">
        <p className="font-medium text-gray-900">Usage notes</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>You can create up to {CONSUMER_GROUP_QUOTA} consumer groups in a change tracking instance to consume the same data repeatedly.</li>
          <li>Each consumer group allows only one consumer at a time. Consumers in different groups track the data independently.</li>
          <li>
            DTS reads incremental data by using the DStore module or a client. <strong>If you switch between the DStore module and a client, data may be duplicated.</strong>
          </li>
        </ul>
      </div>

      <ConsumerGroupsPanel initial={groups} role={user.role} instanceName={instance.name} />

      <section className="rounded-sm border border-gray-200 bg-white p-5 text-sm text-gray-700" aria-labelledby="connect-title">
        <h2 id="connect-title" className="font-semibold text-gray-900">
          How consumers connect
        </h2>
        <p className="mt-2">
          Use a Kafka client with <code className="rounded bg-gray-100 px-1 font-mono">group.id</code> set to the consumer group ID and
          SASL PLAIN user <code className="rounded bg-gray-100 px-1 font-mono">&lt;account&gt;-&lt;consumerGroupId&gt;</code> with the
          group&apos;s password, or use the DTS SDK.
        </p>
        <dl className="mt-3 grid grid-cols-1 gap-2 md:grid-cols-2">
          <div>
            <dt className="text-gray-500">Topic</dt>
            <dd className="font-mono">{instance.topic}</dd>
          </div>
          <div>
            <dt className="text-gray-500">Endpoint (VPC / public)</dt>
            <dd className="font-mono">
              {instance.vpcEndpoint} / {instance.publicEndpoint}
            </dd>
          </div>
          {example ? (
            <div className="md:col-span-2">
              <dt className="text-gray-500">Example SASL user for {example.name}</dt>
              <dd className="font-mono">
                {example.account}-{example.id}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
