"use server";

// Server actions only; their specs (role, schema, handler) live in consumer-group-specs.ts so the
// tests can run them for any user without a browser session.
import { createConsumerGroupSpec } from "./consumer-group-specs";
import { defineAction } from "./safe-action";

export const createConsumerGroup = defineAction(createConsumerGroupSpec);
