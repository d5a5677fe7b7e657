import { listConsumerGroups } from "@/lib/data/consumer-groups";
import { jsonAnswer, jsonRefusal, withUser } from "@/lib/security/route-handler";

/** DescribeConsumerGroup for the Data Consume table's polling; every signed-in role may read. */
export const GET = withUser<{ instanceId: string }>(async (user, { params }) => {
  const list = await listConsumerGroups(user, params.instanceId);
  return list ? jsonAnswer(list) : jsonRefusal("NotFound", "errors.noSuchInstance");
});
