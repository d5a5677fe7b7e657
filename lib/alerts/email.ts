import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { noticeSummary, type AlertNotice, type PostResult } from "./webhook";

/**
 * E-mail channels (docs/rules.md "Alert delivery"): the SMTP server is the operator's, set in the
 * environment; a channel holds only its recipients. E-mail is off while DTS_SMTP_HOST is unset.
 *
 * - DTS_SMTP_HOST, DTS_SMTP_PORT (587; 465 with TLS)
 * - DTS_SMTP_TLS: `starttls` (the default: the server must offer STARTTLS), `tls` (TLS from the
 *   first byte; the default on port 465) or `none` (a relay on your own network only)
 * - DTS_SMTP_FROM (required): the sender, e.g. `DTS Console <dts-alerts@example.com>`
 * - DTS_SMTP_USER and DTS_SMTP_PASSWORD, when the server wants a sign-in
 */

export const SMTP_TLS_MODES = ["starttls", "tls", "none"] as const;
export const SMTP_TIMEOUT_MS = 10_000;

export interface SmtpSettings {
  host: string;
  port: number;
  tls: (typeof SMTP_TLS_MODES)[number];
  from: string;
  user?: string;
  password?: string;
}

/** The SMTP settings, null while e-mail is off, or what is wrong with them. Pure. */
export function smtpSettings(env: Partial<Record<string, string>> = process.env): SmtpSettings | null | { error: string } {
  const host = env.DTS_SMTP_HOST?.trim();
  if (!host) return null;
  const tlsValue = (env.DTS_SMTP_TLS?.trim() || (env.DTS_SMTP_PORT?.trim() === "465" ? "tls" : "starttls")).toLowerCase();
  const tls = SMTP_TLS_MODES.find((m) => m === tlsValue);
  if (!tls) return { error: `DTS_SMTP_TLS must be one of ${SMTP_TLS_MODES.join(", ")}` };
  const portValue = env.DTS_SMTP_PORT?.trim() || (tls === "tls" ? "465" : "587");
  const port = /^\d{1,5}$/.test(portValue) ? Number(portValue) : 0;
  if (port < 1 || port > 65535) return { error: "DTS_SMTP_PORT must be a port number" };
  const from = env.DTS_SMTP_FROM?.trim();
  if (!from || !/@/.test(from) || /[\r\n]/.test(from)) return { error: "DTS_SMTP_FROM must be the sender's address" };
  const user = env.DTS_SMTP_USER?.trim() || undefined;
  return { host, port, tls, from, user, password: user ? (env.DTS_SMTP_PASSWORD ?? "") : undefined };
}

/** Whether e-mail channels can be added and sent. */
export function emailAvailable(): boolean {
  const settings = smtpSettings();
  return settings !== null && !("error" in settings);
}

let transport: { key: string; value: Transporter<SMTPTransport.SentMessageInfo> } | null = null;

function transportFor(settings: SmtpSettings) {
  const key = JSON.stringify(settings);
  if (transport?.key !== key) {
    transport?.value.close();
    transport = {
      key,
      value: nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.tls === "tls",
        requireTLS: settings.tls === "starttls",
        ignoreTLS: settings.tls === "none",
        auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    };
  }
  return transport.value;
}

/** The message: the summary as its subject, the alert's facts as plain text lines. Pure. */
export function emailMessage(notice: AlertNotice): { subject: string; text: string } {
  const subject = noticeSummary(notice);
  const a = notice.alert;
  const lines = [subject, ""];
  if (a) {
    lines.push(`Rule: ${a.rule}`, `Region: ${a.regionId}`, `Instance: ${a.instanceId} (${a.instanceName})`);
    if (a.groupId) lines.push(`Consumer group: ${a.groupName ?? ""} (${a.groupId})`);
    if (a.rule === "status") lines.push(`Status: ${a.status ?? ""}`);
    else lines.push(`Value: ${a.value}`, `Threshold: ${a.threshold}`);
    lines.push(`Fired at: ${a.firedAt}`);
    if (a.resolvedAt) lines.push(`Resolved at: ${a.resolvedAt}`);
    const base = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
    if (base) lines.push("", `Alert history: ${base}/alerts?region=${a.regionId}&instance=${a.instanceId}`);
  }
  lines.push("", `Delivery ${notice.deliveryId}, sent ${notice.sentAt} by DTS Console.`);
  return { subject, text: lines.join("\n") };
}

/** Sends the notice to the recipients through the configured SMTP server. */
export async function sendAlertEmail(recipients: string[], notice: AlertNotice): Promise<PostResult> {
  const settings = smtpSettings();
  if (settings === null) return { ok: false, error: "e-mail is off: DTS_SMTP_HOST is not set" };
  if ("error" in settings) return { ok: false, error: settings.error };
  const { subject, text } = emailMessage(notice);
  try {
    const info = await transportFor(settings).sendMail({
      from: settings.from,
      to: recipients,
      subject,
      text,
      headers: { "X-DTS-Event": notice.transition, "X-DTS-Delivery": notice.deliveryId },
    });
    // Sent to those the server accepted: a retry would send it to them again. Only a message no
    // recipient got is a failed attempt; the refused ones are named on the delivery.
    if (!info.accepted.length) return { ok: false, error: `refused for all ${recipients.length} recipients` };
    return info.rejected.length
      ? { ok: true, error: `refused for ${info.rejected.length} of ${recipients.length} recipients` }
      : { ok: true };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).slice(0, 200) };
  }
}
