import { notFound } from "next/navigation";
import { instanceTitle, openInstanceTab, type InstancePageProps } from "../instance-page";
import { ConsumerGroupsPanel } from "@/components/consumer-groups/consumer-groups-panel";
import { ConnectSection, UsageNotes } from "@/components/consumer-groups/consume-guidance";
import { packGroupList } from "@/components/consumer-groups/packed-groups";
import { ConsumeMessages } from "@/components/i18n/pages/consume";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { getInstance } from "@/lib/data/tasks";
import { consumeViewSchema } from "@/lib/validation/consume-view";

export const generateMetadata = instanceTitle("consume");

export default async function DataConsumePage(props: InstancePageProps) {
  const { instanceId, user, query: view } = await openInstanceTab(props, consumeViewSchema);
  const [instance, groups] = await Promise.all([getInstance(user, instanceId), listConsumerGroups(user, instanceId)]);
  if (!instance || !groups) notFound();

  return (
    <div className="space-y-4">
      <ConsumeMessages>
        <UsageNotes />
        <ConsumerGroupsPanel
          initial={packGroupList(groups)}
          connect={{
            topic: instance.topic,
            endpoints: { vpc: instance.vpcEndpoint, private: instance.privateEndpoint, public: instance.publicEndpoint },
          }}
          initialView={view}
          role={user.role}
          instanceName={instance.name}
        >
          <ConnectSection instanceId={instance.id} />
        </ConsumerGroupsPanel>
      </ConsumeMessages>
    </div>
  );
}
