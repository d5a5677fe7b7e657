"use server";

// Server actions only; their specs (role, schema, handler) live in consumer-group-specs.ts so the
// tests can run them for any user without a browser session.
import {
  changeConsumerGroupPasswordSpec,
  createConsumerGroupSpec,
  deleteConsumerGroupSpec,
  resetConsumerGroupCheckpointSpec,
  resetConsumerGroupPasswordSpec,
} from "./consumer-group-specs";
import { defineAction } from "./define-action";

export const createConsumerGroup = defineAction(createConsumerGroupSpec);
export const changeConsumerGroupPassword = defineAction(changeConsumerGroupPasswordSpec);
export const resetConsumerGroupPassword = defineAction(resetConsumerGroupPasswordSpec);
export const deleteConsumerGroup = defineAction(deleteConsumerGroupSpec);
export const resetConsumerGroupCheckpoint = defineAction(resetConsumerGroupCheckpointSpec);
