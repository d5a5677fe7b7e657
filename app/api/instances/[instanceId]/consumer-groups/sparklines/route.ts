import { listSparklines } from "@/lib/data/heartbeat-history";
import { jsonAnswer, jsonRefusal, withUser } from "@/lib/security/route-handler";

/** The Data Consume table's sparklines: each group's last hour, one point a minute. */
export const GET = withUser<{ instanceId: string }>(async (user, { params }) => {
  const lines = await listSparklines(user, params.instanceId);
  return lines ? jsonAnswer(lines) : jsonRefusal("NotFound", "errors.noSuchInstance");
});
