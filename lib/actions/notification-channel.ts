"use server";

// Server actions only; their specs live in notification-channel-specs.ts.
import { createNotificationChannelSpec, deleteNotificationChannelSpec, testNotificationChannelSpec } from "./notification-channel-specs";
import { defineAction } from "./define-action";

export const createNotificationChannel = defineAction(createNotificationChannelSpec);
export const deleteNotificationChannel = defineAction(deleteNotificationChannelSpec);
export const testNotificationChannel = defineAction(testNotificationChannelSpec);
