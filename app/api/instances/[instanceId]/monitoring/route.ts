import { getInstanceMonitoring } from "@/lib/data/monitoring";
import { jsonAnswer, jsonRefusal, withUser } from "@/lib/security/route-handler";
import { monitoringQuerySchema } from "@/lib/validation/monitoring";

/** The Monitoring tab's charts: every group's delay and backlog over `?range=` (1h, 6h, 24h or 7d). */
export const GET = withUser<{ instanceId: string }>(async (user, { request, params }) => {
  const { range } = monitoringQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await getInstanceMonitoring(user, params.instanceId, range);
  return data ? jsonAnswer(data) : jsonRefusal("NotFound", "errors.noSuchInstance");
});
