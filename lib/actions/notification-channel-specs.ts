import "server-only";
import { deliverDue } from "../alerts/delivery";
import { emailAvailable } from "../alerts/email";
import { resolveWebhookTarget } from "../alerts/webhook-target";
import { encryptSecret } from "../auth/access-key-crypto";
import { secretKeyForWrite } from "./secret-key";
import { getDb } from "../db";
import { newChannelId, newWebhookSecret } from "../ids";
import { parseWebhookUrl } from "../alerts/webhook-url";
import { channelTargetSchema, createChannelSchema } from "../validation/notification-channel";
import { fail, type ActionResult } from "./result";
import type { ActionSpec } from "./run-action";
import type { z } from "../validation/zod";

/**
 * Notification channels (docs/rules.md "Alert delivery"): admins add webhooks, send them a test
 * and delete them; each is audited. The signing secret is made here, encrypted at rest, and
 * returned once.
 */

const GONE = "errors.channelGone";

export interface CreatedChannel {
  id: string;
  name: string;
  /** a webhook's signing secret, shown once; null for an e-mail channel */
  secret: string | null;
}

/** A new channel, checked: an e-mail one, or a webhook whose address resolved and whose secret is made. */
type NewChannel =
  | { format: "email"; recipients: string }
  | { format: Exclude<z.output<typeof createChannelSchema>["format"], "email">; url: string; key: Buffer };

/**
 * Creates a channel. An e-mail channel only while the server has SMTP settings (no secret: nothing
 * is signed); a webhook's address is checked after DNS here (and again on every delivery).
 */
export const createNotificationChannelSpec = {
  name: "createNotificationChannel",
  permission: "alerts.manageChannels",
  schema: createChannelSchema,
  async prepare(input): Promise<ActionResult<NewChannel>> {
    if (input.recipients !== null) {
      if (!emailAvailable()) return fail("InvalidParameter", "validation.channel.emailOff", { format: "validation.channel.emailOff" });
      return { ok: true, data: { format: "email", recipients: input.recipients } };
    }
    const sealing = secretKeyForWrite();
    if (!sealing.ok) return sealing;
    const key = sealing.data;
    const url = parseWebhookUrl(input.url);
    if (!url) return fail("InvalidParameter", "validation.channel.url", { url: "validation.channel.url" });
    const target = await resolveWebhookTarget(url);
    if (!target.ok) {
      const message = target.reason === "private" ? "validation.channel.private" : "validation.channel.unresolved";
      return fail("InvalidParameter", message, { url: message });
    }
    return { ok: true, data: { format: input.format, url: input.url, key } };
  },
  async change(tx, input, channel: NewChannel, ctx): Promise<ActionResult<CreatedChannel>> {
    const id = newChannelId();
    if (channel.format === "email") {
      await tx.notificationChannel.create({
        data: { id, name: input.name, format: "email", recipients: channel.recipients, createdBy: ctx.user.username },
        select: { id: true },
      });
      return { ok: true, data: { id, name: input.name, secret: null } };
    }
    const secret = newWebhookSecret();
    await tx.notificationChannel.create({
      data: {
        id,
        name: input.name,
        url: channel.url,
        format: channel.format,
        secretEncrypted: encryptSecret(secret, id, channel.key),
        createdBy: ctx.user.username,
      },
      select: { id: true },
    });
    return { ok: true, data: { id, name: input.name, secret } };
  },
  audit: () => ({}),
} satisfies ActionSpec<typeof createChannelSchema, CreatedChannel, NewChannel>;

export const deleteNotificationChannelSpec = {
  name: "deleteNotificationChannel",
  permission: "alerts.manageChannels",
  schema: channelTargetSchema,
  async change(tx, input) {
    const { count } = await tx.notificationChannel.deleteMany({ where: { id: input.channelId } });
    return count === 1 ? { ok: true, data: { id: input.channelId } } : fail("NotFound", GONE);
  },
  audit: () => ({}),
} satisfies ActionSpec<typeof channelTargetSchema, { id: string }>;

type TestOutcome = { delivered: boolean; httpStatus: number | null; error: string | null };

/** Sends a test message now (one attempt, once its delivery is committed) and says how it went. */
export const testNotificationChannelSpec = {
  name: "testNotificationChannel",
  permission: "alerts.manageChannels",
  schema: channelTargetSchema,
  async change(tx, input) {
    const channel = await tx.notificationChannel.findUnique({ where: { id: input.channelId }, select: { id: true } });
    if (!channel) return fail("NotFound", GONE);
    const delivery = await tx.notificationDelivery.create({ data: { channelId: channel.id, transition: "test" }, select: { id: true } });
    return { ok: true, data: delivery };
  },
  audit: () => ({}),
  async after(delivery): Promise<ActionResult<TestOutcome>> {
    const db = await getDb();
    await deliverDue(db, { only: delivery.id, limit: 1 });
    const done = await db.notificationDelivery.findUnique({
      where: { id: delivery.id },
      select: { status: true, lastHttpStatus: true, lastError: true },
    });
    return {
      ok: true,
      data: { delivered: done?.status === "ok", httpStatus: done?.lastHttpStatus ?? null, error: done?.lastError ?? null },
    };
  },
} satisfies ActionSpec<typeof channelTargetSchema, TestOutcome, unknown, { id: bigint }>;
