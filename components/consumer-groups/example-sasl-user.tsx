"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";
import { Truncated } from "../ui/truncated";
import { consumerGroupKeys } from "./query-keys";

/**
 * "Example SASL user for <group>": the first group of the list the table above holds (it reads
 * the table's query, never fetches), so it follows a create or a delete without the page being
 * rendered again on the server.
 */
export function ExampleSaslUser({ instanceId }: { instanceId: string }) {
  const t = useTranslations("consume.connect");
  const { data } = useQuery<ConsumerGroupList>({ queryKey: consumerGroupKeys.list(instanceId), queryFn: skipToken });
  const example = data?.groups.at(0);
  if (!example) return null;
  return (
    <div className="min-w-0">
      <dt className="text-gray-700">{t("example", { name: example.name })}</dt>
      <dd>
        <Truncated value={`${example.account}-${example.id}`} copyLabel={t("copyExample")} mono testId="example-sasl-user" />
      </dd>
    </div>
  );
}
