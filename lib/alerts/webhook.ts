import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WEBHOOK_FORMATS } from "../validation/notification-channel";
import type { AlertFacts, AlertRule } from "./rules";

/**
 * A webhook delivery (docs/rules.md "Alert delivery"): the body in the channel's format, signed
 * with the channel's secret, posted to the address the target check resolved.
 */

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_TIMEOUT_MS = 5_000;
export const SIGNATURE_HEADER = "X-DTS-Signature";

/** What a delivery says: an alert firing or resolved, or a channel's test. */
export interface AlertNotice {
  transition: "firing" | "resolved" | "test";
  deliveryId: string;
  sentAt: string;
  alert?: AlertFacts & {
    regionId: string;
    /** the instance's status (status alert) */
    status: string | null;
  };
}

/** One line a person reads: in the chat formats, and as `summary` in JSON. */
export function noticeSummary(n: AlertNotice): string {
  if (n.transition === "test" || !n.alert) return "DTS Console: test notification. This channel works.";
  const a = n.alert;
  const group = `consumer group ${a.groupName ?? ""} (${a.groupId ?? ""}) of ${a.instanceId}`;
  const what: Record<AlertRule, string> = {
    delay: `${group} is ${a.value} s behind (threshold ${a.threshold} s)`,
    group_delay: `${group} is ${a.value} s behind (rule: over ${a.threshold} s)`,
    stalled: `${group} is stalled: ${a.value} records waiting and its checkpoint still`,
    disconnected: `${group} has had no consumer for ${a.value} min (rule: ${a.threshold} min)`,
    status: `instance ${a.instanceId} (${a.instanceName}) is ${a.status ?? "abnormal"}`,
  };
  return n.transition === "firing" ? `[FIRING] DTS alert: ${what[a.rule]}` : `[RESOLVED] DTS alert: ${what[a.rule]}`;
}

export function webhookBody(format: WebhookFormat, n: AlertNotice): string {
  const summary = noticeSummary(n);
  switch (format) {
    case "dingtalk":
      // DingTalk's custom robot: a text message (its own signing is by URL, added by the admin).
      return JSON.stringify({ msgtype: "text", text: { content: summary } });
    case "slack":
      // Slack's incoming webhooks (and the many chat tools that accept their shape).
      return JSON.stringify({ text: summary });
    case "json":
      return JSON.stringify({
        version: 1,
        event: n.transition,
        deliveryId: n.deliveryId,
        sentAt: n.sentAt,
        summary,
        alert: n.alert ?? null,
      });
  }
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the channel's secret. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export interface PostResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/**
 * POSTs the body to the URL, connecting only to `address` (the one the target check allowed); no
 * redirects followed, at most {@link WEBHOOK_TIMEOUT_MS}; a 2xx is success.
 */
export function postWebhook(
  url: URL,
  address: { address: string; family: 4 | 6 },
  body: string,
  headers: Record<string, string>,
): Promise<PostResult> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "user-agent": "dts-console-webhook/1",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)));
    request.on("error", (error) => resolve({ ok: false, error: error.message.slice(0, 200) }));
    request.end(body);
  });
}
