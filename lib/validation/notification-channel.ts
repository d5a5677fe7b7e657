import { z } from "./zod";
import { parseWebhookUrl, WEBHOOK_URL_MAX } from "../alerts/webhook-url";

/** Webhook channels (docs/rules.md "Alert delivery"); the `notification_channel` CHECKs repeat these. */
export const CHANNEL_NAME_MAX = 64;
export const CHANNEL_FORMATS = ["json", "dingtalk", "slack"] as const;
export const CHANNEL_ID_PATTERN = /^ch[a-z0-9]{6,30}$/;

export const createChannelFields = z.object({
  name: z
    .string({ error: "validation.channel.name" })
    .trim()
    .min(1, "validation.channel.name")
    .max(CHANNEL_NAME_MAX, "validation.channel.name")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "validation.channel.name"),
  url: z
    .string({ error: "validation.channel.url" })
    .trim()
    .max(WEBHOOK_URL_MAX, "validation.channel.url")
    .refine((v) => parseWebhookUrl(v) !== null, "validation.channel.url"),
  format: z.enum(CHANNEL_FORMATS, { error: "validation.channel.format" }),
});
export type CreateChannelForm = z.input<typeof createChannelFields>;
export const createChannelSchema = createChannelFields;

export const channelTargetSchema = z.object({
  channelId: z.string({ error: "errors.channelGone" }).regex(CHANNEL_ID_PATTERN, "errors.channelGone"),
});
