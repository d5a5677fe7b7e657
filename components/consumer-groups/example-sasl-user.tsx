"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";
import { Truncated } from "../ui/truncated";
import { consumerGroupKeys } from "./query-keys";

/**
 * "Example SASL user for <group>": the first group of the list the table above holds. It reads
 * the query cache without observing the query: a second observer would set the query's options
 * too (its query function included), and the refetch after an action runs on the last options
 * set. So it follows a create or a delete without the page being rendered again on the server.
 */
export function ExampleSaslUser({ instanceId }: { instanceId: string }) {
  const t = useTranslations("consume.connect");
  const client = useQueryClient();
  const read = () => client.getQueryData<ConsumerGroupList>(consumerGroupKeys.list(instanceId));
  const data = useSyncExternalStore((onChange) => client.getQueryCache().subscribe(onChange), read, read);
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
