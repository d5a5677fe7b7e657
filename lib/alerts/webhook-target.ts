import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
export { parseWebhookUrl, WEBHOOK_URL_MAX } from "./webhook-url";

/**
 * Where a webhook may point (docs/rules.md "Alert delivery"): http or https, no user info, and a
 * host that resolves only to public unicast addresses. Loopback, private, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT (Alibaba Cloud's metadata at 100.100.100.200),
 * unique-local, multicast, reserved and unspecified addresses are refused, IPv4-mapped IPv6
 * included, at save and again on every delivery after DNS resolution; the delivery then connects
 * to the address checked, so a name that resolves elsewhere a second time (DNS rebinding) gains
 * nothing. `DTS_WEBHOOK_ALLOW_PRIVATE=1` allows private targets (a receiver on the same network).
 */

export type TargetRefusal = "url" | "private" | "unresolved";

export function allowPrivateTargets(env: Record<string, string | undefined> = process.env): boolean {
  return env.DTS_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Whether an address is one a webhook may reach: public unicast only. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

/** The host of a URL without IPv6 brackets. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Resolves the URL's host and checks every address it resolves to; answers the one to connect to.
 * A literal address is checked as it is.
 */
export async function resolveWebhookTarget(
  url: URL,
  options: { allowPrivate?: boolean; resolve?: (host: string) => Promise<{ address: string; family: number }[]> } = {},
): Promise<{ ok: true; address: string; family: 4 | 6 } | { ok: false; reason: TargetRefusal }> {
  const allowPrivate = options.allowPrivate ?? allowPrivateTargets();
  const host = hostOf(url);
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await (options.resolve ?? ((h) => lookup(h, { all: true, verbatim: true })))(host);
    } catch {
      return { ok: false, reason: "unresolved" };
    }
  }
  if (!addresses.length) return { ok: false, reason: "unresolved" };
  if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) return { ok: false, reason: "private" };
  const [first] = addresses;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
