import { heartbeatConsumer } from "@/lib/consumer/lease";
import { consumerRoute } from "@/lib/consumer/route";
import { heartbeatRequestSchema } from "@/lib/validation/consumer";

/** Keeps a consumer's lease alive and reports its progress. */
export const POST = consumerRoute(heartbeatRequestSchema, heartbeatConsumer);
