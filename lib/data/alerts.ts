import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { FAILING_AFTER } from "../alerts/delivery";
import { asAlertRule, type AlertFacts } from "../alerts/rules";
import { DTS_ID_PATTERN } from "../validation/rules";
import { assertReader } from "./guard";

/** An alert of the history (docs/rules.md "Alert delivery"), JSON-safe. */
export interface AlertEventRow extends AlertFacts {
  detail: string;
}

export const ALERT_PAGE_SIZE = 20;
/** A channel's state as the Alerts page words it (a catalogue family: alerts.channels.states). */
export const CHANNEL_STATES = ["ok", "failing", "unused"] as const;

/** The alerts, newest first, of one instance or of all; one page and the total. */
export async function listAlertEvents(
  user: SessionUser,
  options: { instanceId?: string; page: number },
): Promise<{ rows: AlertEventRow[]; total: number; pageCount: number }> {
  assertReader(user);
  const instanceId = options.instanceId && DTS_ID_PATTERN.test(options.instanceId) ? options.instanceId : undefined;
  const db = await getDb();
  const where = instanceId ? { instanceId } : {};
  const [total, events] = await Promise.all([
    db.alertEvent.count({ where }),
    db.alertEvent.findMany({
      where,
      orderBy: [{ firedAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * ALERT_PAGE_SIZE,
      take: ALERT_PAGE_SIZE,
      select: {
        id: true,
        rule: true,
        groupId: true,
        value: true,
        threshold: true,
        detail: true,
        firedAt: true,
        resolvedAt: true,
        instance: { select: { id: true, name: true } },
      },
    }),
  ]);
  const groupIds = events.map((e) => e.groupId).filter(Boolean);
  const groups = groupIds.length
    ? await db.consumerGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / ALERT_PAGE_SIZE)),
    rows: events.map((e) => ({
      id: String(e.id),
      rule: asAlertRule(e.rule),
      instanceId: e.instance.id,
      instanceName: e.instance.name,
      groupId: e.groupId || null,
      groupName: e.groupId ? (names.get(e.groupId) ?? null) : null,
      value: e.value,
      threshold: e.threshold,
      detail: e.detail,
      firedAt: e.firedAt.toISOString(),
      resolvedAt: e.resolvedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * A channel as admins see it: a webhook's URL cut to its origin and last characters (a webhook URL
 * is often itself a secret); an e-mail channel's recipients.
 */
export interface ChannelRow {
  id: string;
  name: string;
  url: string;
  format: string;
  createdAt: string;
  createdBy: string;
  state: (typeof CHANNEL_STATES)[number];
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
  lastError: string | null;
}

export function maskedUrl(value: string): string {
  try {
    const url = new URL(value);
    const rest = `${url.pathname}${url.search}`;
    return rest.length > 8 ? `${url.origin}/…${rest.slice(-4)}` : `${url.origin}${rest}`;
  } catch {
    return "…";
  }
}

export async function listChannels(user: SessionUser): Promise<ChannelRow[]> {
  assertReader(user, "alerts.manageChannels");
  const db = await getDb();
  const channels = await db.notificationChannel.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    omit: { secretEncrypted: true },
  });
  return channels.map((c) => ({
    id: c.id,
    name: c.name,
    url: c.url === null ? (c.recipients ?? "").split(",").join(", ") : maskedUrl(c.url),
    format: c.format,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    state: c.consecutiveFailures >= FAILING_AFTER ? "failing" : c.lastDeliveryAt ? "ok" : "unused",
    consecutiveFailures: c.consecutiveFailures,
    lastDeliveryAt: c.lastDeliveryAt?.toISOString() ?? null,
    lastError: c.lastError,
  }));
}
