"use client";

import { useTranslations } from "next-intl";
import { CONSUMER_GROUP_QUOTA } from "@/lib/validation/rules";
import { InfoSection } from "../ui/info-section";
import { code } from "../ui/rich-tags";
import { Truncated } from "../ui/truncated";
import { useInstanceConnect, type InstanceConnect } from "./connect-guide";
import { ExampleSaslUser } from "./example-sasl-user";

// Data Consume's words around its table, drawn from the page's catalogue (which its JavaScript
// carries already) rather than sent as markup in every answer's payload (README "Benchmark").

/** The SASL user's form, as Kafka clients write it (the same in every language). */
const SASL_USER_PATTERN = "<account>-<consumerGroupId>";

/** What a consumer connects to, in the order shown: the topic, then the VPC and public endpoints. */
const ADDRESSES = [
  { label: "topic", copy: "copyTopic", value: (c: InstanceConnect) => c.topic },
  { label: "vpc", copy: "copyVpc", value: (c: InstanceConnect) => c.endpoints.vpc },
  { label: "public", copy: "copyPublic", value: (c: InstanceConnect) => c.endpoints.public },
] as const;

/** The DTS help page's usage notes, above the table. */
export function UsageNotes() {
  const t = useTranslations("consume.notes");
  return (
    <div className="note-box">
      <p className="font-medium text-gray-900">{t("title")}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>{t("quota", { quota: CONSUMER_GROUP_QUOTA })}</li>
        <li>{t("oneConsumer")}</li>
        <li>{t.rich("dstore", { strong: (chunks) => <strong>{chunks}</strong> })}</li>
      </ul>
    </div>
  );
}

/** How consumers connect: the instance's topic and endpoints (the panel's), and an example SASL user. */
export function ConnectSection({ instanceId }: { instanceId: string }) {
  const t = useTranslations("consume.connect");
  const instance = useInstanceConnect();
  if (!instance) return null;
  return (
    <InfoSection id="connect-title" title={t("title")}>
      <p className="mt-2">{t.rich("body", { code, user: SASL_USER_PATTERN })}</p>
      <dl className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
        {ADDRESSES.map((a) => (
          <div key={a.label} className="min-w-0">
            <dt className="text-gray-700">{t(a.label)}</dt>
            <dd>
              <Truncated value={a.value(instance)} copyLabel={t(a.copy)} mono />
            </dd>
          </div>
        ))}
        <ExampleSaslUser instanceId={instanceId} />
      </dl>
    </InfoSection>
  );
}
