import { getGroupHistory } from "@/lib/data/heartbeat-history";
import { jsonAnswer, jsonRefusal, withUser } from "@/lib/security/route-handler";

/** A consumer group's heartbeat history of the last hour, for the details drawer's trend charts. */
export const GET = withUser<{ instanceId: string; groupId: string }>(async (user, { params }) => {
  const history = await getGroupHistory(user, params.instanceId, params.groupId);
  return history ? jsonAnswer(history) : jsonRefusal("NotFound", "errors.noSuchGroup");
});
