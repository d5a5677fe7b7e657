import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translator";
import { instanceTitle, openInstanceTab, type InstancePageProps } from "../instance-page";
import { ConsumerGroupsPanel } from "@/components/consumer-groups/consumer-groups-panel";
import { ExampleSaslUser } from "@/components/consumer-groups/example-sasl-user";
import { ConsumeMessages } from "@/components/i18n/pages/consume";
import { Truncated } from "@/components/ui/truncated";
import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { getInstance } from "@/lib/data/tasks";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/consumer-group";
import { consumeViewSchema } from "@/lib/validation/consume-view";
import { code } from "@/components/ui/rich-tags";
import { InfoSection } from "@/components/ui/info-section";

/** The SASL user's form, as Kafka clients write it (the same in every language). */
const SASL_USER_PATTERN = "<account>-<consumerGroupId>";

export const generateMetadata = instanceTitle("consume");

export default async function DataConsumePage(props: InstancePageProps) {
  const { instanceId, user, query: view } = await openInstanceTab(props, consumeViewSchema);
  const [instance, groups, t] = await Promise.all([
    getInstance(user, instanceId),
    listConsumerGroups(user, instanceId),
    getTranslations("consume"),
  ]);
  if (!instance || !groups) notFound();

  return (
    <div className="space-y-4">
      <div className="rounded-sm border border-blue-100 bg-blue-50 px-4 py-3 text-sm text-gray-800">
        <p className="font-medium text-gray-900">{t("notes.title")}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          <li>{t("notes.quota", { quota: CONSUMER_GROUP_QUOTA })}</li>
          <li>{t("notes.oneConsumer")}</li>
          <li>{t.rich("notes.dstore", { strong: (chunks) => <strong>{chunks}</strong> })}</li>
        </ul>
      </div>

      <ConsumeMessages>
        <ConsumerGroupsPanel
          initial={groups}
          connect={{
            topic: instance.topic,
            endpoints: { vpc: instance.vpcEndpoint, private: instance.privateEndpoint, public: instance.publicEndpoint },
          }}
          initialView={view}
          role={user.role}
          instanceName={instance.name}
        />

        <InfoSection id="connect-title" title={t("connect.title")}>
          <p className="mt-2">
            {t.rich("connect.body", {
              code,
              user: SASL_USER_PATTERN,
            })}
          </p>
          <dl className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
            <div className="min-w-0">
              <dt className="text-gray-700">{t("connect.topic")}</dt>
              <dd>
                <Truncated value={instance.topic} copyLabel={t("connect.copyTopic")} mono />
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-gray-700">{t("connect.vpc")}</dt>
              <dd>
                <Truncated value={instance.vpcEndpoint} copyLabel={t("connect.copyVpc")} mono />
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-gray-700">{t("connect.public")}</dt>
              <dd>
                <Truncated value={instance.publicEndpoint} copyLabel={t("connect.copyPublic")} mono />
              </dd>
            </div>
            <ExampleSaslUser instanceId={instance.id} />
          </dl>
        </InfoSection>
      </ConsumeMessages>
    </div>
  );
}
