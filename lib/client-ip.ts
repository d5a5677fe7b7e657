import { isIP } from "node:net";
import { PEER_HEADER, trustedProxyHops } from "./security/http-edge.mjs";

/**
 * PEER_HEADER (`x-dts-peer`): the socket's address, set by server.mjs on every request (a client's
 * own is dropped). trustedProxyHops(): how many reverse proxies in front of the console set the
 * X-Forwarded-* headers (TRUST_PROXY_HOPS, default 0); with none, server.mjs drops a client's.
 */
export { PEER_HEADER, trustedProxyHops };

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(n: string): string | null }).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function normalise(address: string | undefined): string | null {
  if (!address) return null;
  let ip = address.trim();
  if (ip.startsWith("[") && ip.includes("]")) ip = ip.slice(1, ip.indexOf("]"));
  if (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : null;
}

/**
 * The client's address, decided by one rule for sign-in, actions and the consumer endpoints
 * (docs/rules.md "Client address"). With no trusted proxy it is the socket's address and
 * forwarding headers are ignored; with N trusted proxies it is the address N hops from the right
 * of X-Forwarded-For + the socket address, and it must be a valid IP. Null when unknown.
 */
export function clientIpFrom(headers: HeaderSource, hops = trustedProxyHops()): string | null {
  const peer = normalise(header(headers, PEER_HEADER));
  if (hops === 0) return peer;
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  // Fewer hops than configured: the leftmost address is the furthest any trusted proxy saw.
  const candidate = chain[Math.max(0, chain.length - 1 - hops)];
  return normalise(candidate) ?? peer;
}
