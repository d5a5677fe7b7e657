import { connectConsumer } from "@/lib/consumer/lease";
import { consumerRoute } from "@/lib/consumer/route";
import { connectRequestSchema } from "@/lib/validation/consumer";

/** The credential check for DTS Kafka-style users `<account>-<consumerGroupId>`. */
export const POST = consumerRoute(connectRequestSchema, connectConsumer);
