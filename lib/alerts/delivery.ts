import "server-only";
import { randomUUID } from "node:crypto";
import { decryptSecret } from "../auth/access-key-crypto";
import { NOW_UTC } from "../data/lag-sql";
import type { Db } from "../db/connect";
import { sendAlertEmail } from "./email";
import { asAlertRule } from "./rules";
import { parseWebhookUrl, resolveWebhookTarget } from "./webhook-target";
import { postWebhook, SIGNATURE_HEADER, signatureOf, webhookBody, type AlertNotice, type PostResult, type WebhookFormat } from "./webhook";

/**
 * The delivery worker (docs/rules.md "Alert delivery"): claims due deliveries (SKIP LOCKED, so two
 * processes never send the same one), posts each, and records the attempt. A failure is retried
 * after 5 s, 30 s, 2 min and 10 min; after the fifth attempt the delivery is failed. A channel
 * whose last 3 or more deliveries failed is shown as failing.
 */

export const MAX_ATTEMPTS = 5;
export const RETRY_AFTER_MS = [5_000, 30_000, 120_000, 600_000] as const;
export const FAILING_AFTER = 3;
/** A delivery claimed this long ago and never finished (its process died) is claimed again. */
const STUCK_MS = 60_000;

interface Claimed {
  id: bigint;
  event_id: bigint | null;
  channel_id: string;
  transition: AlertNotice["transition"];
  attempts: number;
}

interface EventRow {
  id: bigint;
  rule: string;
  value: number;
  threshold: number;
  detail: string;
  fired_at: Date;
  resolved_at: Date | null;
  instance_id: string;
  instance_name: string;
  region_id: string;
  group_id: string;
  group_name: string | null;
}

/** Sends what is due, at most `limit`; `only` restricts it to one delivery (a channel's test). */
export async function deliverDue(db: Db, options: { limit?: number; only?: bigint } = {}): Promise<{ sent: number; failed: number }> {
  const limit = options.limit ?? 20;
  const stuckBefore = new Date(Date.now() - STUCK_MS);
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "notification_delivery" d SET "status" = 'sending', "attempts" = d."attempts" + 1, "updated_at" = ${NOW_UTC}
     WHERE d."id" IN (
       SELECT "id" FROM "notification_delivery"
        WHERE (("status" = 'pending' AND "next_attempt_at" <= ${NOW_UTC}) OR ("status" = 'sending' AND "updated_at" < ${stuckBefore}))
          AND (${options.only ?? null}::bigint IS NULL OR "id" = ${options.only ?? null}::bigint)
        ORDER BY "next_attempt_at", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d."id", d."event_id", d."channel_id", d."transition", d."attempts"`;
  let sent = 0;
  let failed = 0;
  for (const delivery of claimed) {
    const result = await sendOne(db, delivery);
    if (result.ok) sent += 1;
    else failed += 1;
    await record(db, delivery, result);
  }
  return { sent, failed };
}

async function sendOne(db: Db, delivery: Claimed): Promise<PostResult> {
  const channel = await db.notificationChannel.findUnique({ where: { id: delivery.channel_id } });
  if (!channel) return { ok: false, error: "channel deleted" };
  if (channel.format === "email") {
    const notice = await noticeOf(db, delivery);
    if (!notice) return { ok: false, error: "alert deleted" };
    return sendAlertEmail((channel.recipients ?? "").split(","), notice);
  }
  const url = parseWebhookUrl(channel.url ?? "");
  if (!url || !channel.secretEncrypted) return { ok: false, error: "not a webhook URL" };
  let secret: string;
  try {
    secret = decryptSecret(channel.secretEncrypted, channel.id);
  } catch {
    return { ok: false, error: "the channel's secret cannot be read (DTS_SECRET_KEY changed?)" };
  }
  const notice = await noticeOf(db, delivery);
  if (!notice) return { ok: false, error: "alert deleted" };
  // Checked again now, after DNS: the address it resolves to now is the one connected to.
  const target = await resolveWebhookTarget(url);
  if (!target.ok) return { ok: false, error: target.reason === "private" ? "refused: a private or reserved address" : "host not resolved" };
  const body = webhookBody(channel.format as WebhookFormat, notice);
  const timestamp = Math.floor(Date.now() / 1000);
  return postWebhook(url, target, body, {
    [SIGNATURE_HEADER]: signatureOf(secret, timestamp, body),
    "X-DTS-Event": notice.transition,
    "X-DTS-Delivery": notice.deliveryId,
  });
}

async function noticeOf(db: Db, delivery: Claimed): Promise<AlertNotice | null> {
  const base = {
    transition: delivery.transition,
    deliveryId: `${delivery.id}-${randomUUID().slice(0, 8)}`,
    sentAt: new Date().toISOString(),
  };
  if (delivery.event_id === null) return base;
  const [e] = await db.$queryRaw<(EventRow | undefined)[]>`
    SELECT e."id", e."rule", e."value", e."threshold", e."detail", e."fired_at", e."resolved_at",
           i."id" AS "instance_id", i."name" AS "instance_name", i."region_id", e."group_id", g."name" AS "group_name"
      FROM "alert_event" e
      JOIN "instance" i ON i."id" = e."instance_id"
      LEFT JOIN "consumer_group" g ON g."id" = e."group_id"
     WHERE e."id" = ${delivery.event_id}`;
  if (!e) return null;
  return {
    ...base,
    alert: {
      id: String(e.id),
      rule: asAlertRule(e.rule),
      regionId: e.region_id,
      instanceId: e.instance_id,
      instanceName: e.instance_name,
      groupId: e.group_id || null,
      groupName: e.group_name,
      value: e.value,
      threshold: e.threshold,
      status: e.rule === "status" ? e.detail : null,
      firedAt: e.fired_at.toISOString(),
      resolvedAt: e.resolved_at?.toISOString() ?? null,
    },
  };
}

async function record(db: Db, delivery: Claimed, result: PostResult) {
  // A success may still say something (an e-mail some recipients refused): kept on the delivery.
  const error = result.ok ? (result.error?.slice(0, 300) ?? null) : (result.error ?? "failed").slice(0, 300);
  const done = result.ok || delivery.attempts >= MAX_ATTEMPTS || delivery.transition === "test";
  const retryAt = new Date(Date.now() + (RETRY_AFTER_MS[Math.min(delivery.attempts, RETRY_AFTER_MS.length) - 1] ?? RETRY_AFTER_MS[0]));
  await db.$transaction([
    db.notificationDelivery.update({
      where: { id: delivery.id },
      data: {
        status: result.ok ? "ok" : done ? "failed" : "pending",
        lastHttpStatus: result.status ?? null,
        lastError: error,
        updatedAt: new Date(),
        ...(done ? {} : { nextAttemptAt: retryAt }),
      },
      select: { id: true },
    }),
    db.notificationChannel.updateMany({
      where: { id: delivery.channel_id },
      data: result.ok
        ? { consecutiveFailures: 0, lastDeliveryAt: new Date(), lastError: null }
        : { consecutiveFailures: { increment: 1 }, lastDeliveryAt: new Date(), lastError: error },
    }),
  ]);
}

/** Finished deliveries are kept this long, then pruned (docs/rules.md "Alert delivery"). */
export const DELIVERY_RETENTION_DAYS = 30;

/** Removes finished deliveries older than the retention; pending and sending ones stay. Returns how many went. */
export async function pruneDeliveries(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "notification_delivery"
     WHERE "status" IN ('ok', 'failed') AND "updated_at" < ${NOW_UTC} - make_interval(days => ${DELIVERY_RETENTION_DAYS})`;
}
