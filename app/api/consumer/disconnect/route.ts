import { disconnectConsumer } from "@/lib/consumer/lease";
import { consumerRoute } from "@/lib/consumer/route";
import { disconnectRequestSchema } from "@/lib/validation/consumer";

/** Ends a consumer's lease early. */
export const POST = consumerRoute(disconnectRequestSchema, disconnectConsumer);
