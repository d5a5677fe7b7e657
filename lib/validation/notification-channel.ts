import { z } from "./zod";
import { parseWebhookUrl, WEBHOOK_URL_MAX } from "../alerts/webhook-url";

/** Notification channels (docs/rules.md "Alert delivery"); the `notification_channel` CHECKs repeat these. */
export const CHANNEL_NAME_MAX = 64;
export const WEBHOOK_FORMATS = ["json", "dingtalk", "slack"] as const;
export const CHANNEL_FORMATS = [...WEBHOOK_FORMATS, "email"] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];
export const CHANNEL_ID_PATTERN = /^ch[a-z0-9]{6,30}$/;
export const RECIPIENTS_MAX = 10;
const ADDRESS = /^[^\s,@<>"]{1,64}@[^\s,@<>"]+\.[^\s,@<>".]+$/;
/** Control, format and bidi characters: never part of an address a person types or reads. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * An e-mail channel's recipients as typed (commas, semicolons, spaces or lines between them): the
 * addresses, without repeats, or why not. Pure.
 */
export function parseRecipients(value: string): string[] | "invalid" | "count" | "none" {
  const addresses = [...new Set(value.split(/[\s,;]+/).filter(Boolean))];
  if (!addresses.length) return "none";
  if (addresses.some((a) => a.length > 254 || !ADDRESS.test(a) || INVISIBLE.test(a))) return "invalid";
  return addresses.length > RECIPIENTS_MAX ? "count" : addresses;
}

const RECIPIENT_MESSAGE = {
  invalid: "validation.channel.recipients",
  count: "validation.channel.recipientCount",
  none: "validation.channel.recipients",
};

export const createChannelFields = z
  .object({
    name: z
      .string({ error: "validation.channel.name" })
      .trim()
      .min(1, "validation.channel.name")
      .max(CHANNEL_NAME_MAX, "validation.channel.name")
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "validation.channel.name"),
    format: z.enum(CHANNEL_FORMATS, { error: "validation.channel.format" }),
    // Only the one the format needs is read: a URL for a webhook, recipients for e-mail.
    url: z.string({ error: "validation.channel.url" }).trim().max(WEBHOOK_URL_MAX, "validation.channel.url").optional(),
    recipients: z.string({ error: "validation.channel.recipients" }).max(4000, "validation.channel.recipients").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.format === "email") {
      const parsed = parseRecipients(v.recipients ?? "");
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", path: ["recipients"], message: RECIPIENT_MESSAGE[parsed] });
    } else if (parseWebhookUrl(v.url ?? "") === null) {
      ctx.addIssue({ code: "custom", path: ["url"], message: "validation.channel.url" });
    }
  });
export type CreateChannelForm = z.input<typeof createChannelFields>;

/** What is stored: a webhook's URL, or an e-mail channel's addresses joined by commas. */
export const createChannelSchema = createChannelFields.transform((v) =>
  v.format === "email"
    ? { name: v.name, format: v.format, url: null, recipients: (parseRecipients(v.recipients ?? "") as string[]).join(",") }
    : { name: v.name, format: v.format, url: v.url ?? "", recipients: null },
);

export const channelTargetSchema = z.object({
  channelId: z.string({ error: "errors.channelGone" }).regex(CHANNEL_ID_PATTERN, "errors.channelGone"),
});
