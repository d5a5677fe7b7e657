import "server-only";
import { deliverDue } from "../alerts/delivery";
import { emailAvailable } from "../alerts/email";
import { resolveWebhookTarget } from "../alerts/webhook-target";
import { AccessKeyCryptoUnavailable, encryptSecret, getSecretKey } from "../auth/access-key-crypto";
import { getDb } from "../db";
import { newChannelId, newWebhookSecret } from "../ids";
import { parseWebhookUrl } from "../alerts/webhook-url";
import { channelTargetSchema, createChannelSchema } from "../validation/notification-channel";
import { fail, type ActionResult } from "./result";
import type { ActionContext, ActionSpec } from "./run-action";

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

/** An e-mail channel: only while the server has SMTP settings; no secret (nothing is signed). */
async function createEmailChannel(name: string, recipients: string, ctx: ActionContext): Promise<ActionResult<CreatedChannel>> {
  if (!emailAvailable()) return fail("InvalidParameter", "validation.channel.emailOff", { format: "validation.channel.emailOff" });
  const db = await getDb();
  const id = newChannelId();
  await db.$transaction(async (tx) => {
    await tx.notificationChannel.create({
      data: { id, name, format: "email", recipients, createdBy: ctx.user.username },
      select: { id: true },
    });
    await ctx.audit(tx);
  });
  return { ok: true, data: { id, name, secret: null } };
}

export const createNotificationChannelSpec = {
  name: "createNotificationChannel",
  permission: "alerts.manageChannels",
  schema: createChannelSchema,
  async handler(input, ctx) {
    if (input.recipients !== null) return createEmailChannel(input.name, input.recipients, ctx);
    let key: Buffer;
    try {
      key = getSecretKey();
    } catch (error) {
      if (error instanceof AccessKeyCryptoUnavailable) return fail("OperationDenied.AccessKeyEncryption", error.message);
      throw error;
    }
    // Checked at save after DNS (and again on every delivery).
    const url = parseWebhookUrl(input.url);
    if (!url) return fail("InvalidParameter", "validation.channel.url", { url: "validation.channel.url" });
    const target = await resolveWebhookTarget(url);
    if (!target.ok) {
      const message = target.reason === "private" ? "validation.channel.private" : "validation.channel.unresolved";
      return fail("InvalidParameter", message, { url: message });
    }
    const db = await getDb();
    const id = newChannelId();
    const secret = newWebhookSecret();
    await db.$transaction(async (tx) => {
      await tx.notificationChannel.create({
        data: {
          id,
          name: input.name,
          url: input.url,
          format: input.format,
          secretEncrypted: encryptSecret(secret, id, key),
          createdBy: ctx.user.username,
        },
        select: { id: true },
      });
      await ctx.audit(tx);
    });
    return { ok: true, data: { id, name: input.name, secret } };
  },
} satisfies ActionSpec<typeof createChannelSchema, CreatedChannel>;

export const deleteNotificationChannelSpec = {
  name: "deleteNotificationChannel",
  permission: "alerts.manageChannels",
  schema: channelTargetSchema,
  async handler(input, ctx) {
    const db = await getDb();
    const deleted = await db.$transaction(async (tx) => {
      const { count } = await tx.notificationChannel.deleteMany({ where: { id: input.channelId } });
      if (count) await ctx.audit(tx);
      return count === 1;
    });
    return deleted ? { ok: true, data: { id: input.channelId } } : fail("NotFound", GONE);
  },
} satisfies ActionSpec<typeof channelTargetSchema, { id: string }>;

/** Sends a test message now (one attempt) and says how it went. */
export const testNotificationChannelSpec = {
  name: "testNotificationChannel",
  permission: "alerts.manageChannels",
  schema: channelTargetSchema,
  async handler(input, ctx) {
    const db = await getDb();
    const delivery = await db.$transaction(async (tx) => {
      const channel = await tx.notificationChannel.findUnique({ where: { id: input.channelId }, select: { id: true } });
      if (!channel) return null;
      const created = await tx.notificationDelivery.create({ data: { channelId: channel.id, transition: "test" }, select: { id: true } });
      await ctx.audit(tx);
      return created;
    });
    if (!delivery) return fail("NotFound", GONE);
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
} satisfies ActionSpec<typeof channelTargetSchema, { delivered: boolean; httpStatus: number | null; error: string | null }>;
