// The console's security headers, in one place for the proxy (per-request CSP with a nonce) and
// next.config.mjs (static headers on every response, including those the proxy never sees).
// Pure functions only: next.config.mjs and the unit tests import this file outside Next.js. The
// static values live in http-edge.mjs, which server.mjs (plain JavaScript) reads too.

import { STATIC_SECURITY_HEADERS, HSTS } from "./http-edge.mjs";

export { HSTS, PERMISSIONS_POLICY, STATIC_ASSET_CSP, STATIC_SECURITY_HEADERS } from "./http-edge.mjs";

export interface CspOptions {
  /** The per-request nonce (base64); Next.js reads it back from the request's CSP header. */
  nonce: string;
  /** Development: React needs eval for its server-stack debugging. */
  dev?: boolean;
  /** Served over HTTPS: subresources are upgraded too. */
  https?: boolean;
}

/**
 * The Content-Security-Policy of pages and API answers. Scripts run only with the request's nonce
 * ('strict-dynamic' lets those load Next.js's chunks); no 'unsafe-inline' for scripts. Styles may
 * be inline: Radix and sonner set style attributes and a runtime <style>, which nonces cannot cover
 * (a nonce in style-src would also switch 'unsafe-inline' off).
 */
export function buildCsp({ nonce, dev = false, https = false }: CspOptions): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error("buildCsp: the nonce must be base64");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  // Only over HTTPS: on plain http it would send every same-origin request to https.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** A fresh, unpredictable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the request reached us over HTTPS: the URL's own scheme, or the scheme a TLS-terminating
 * proxy reports. server.mjs drops a client's X-Forwarded-Proto unless TRUST_PROXY_HOPS says a proxy
 * sets it (Next.js then fills in the socket's scheme), so a client cannot claim https here.
 */
export function isHttps(url: string | { protocol: string }, headers: { get(name: string): string | null }): boolean {
  const protocol = typeof url === "string" ? new URL(url).protocol : url.protocol;
  if (protocol === "https:") return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** Sets the security headers (and the given CSP) on a response's headers. */
export function setSecurityHeaders(headers: Headers, { csp, https }: { csp: string; https: boolean }): void {
  headers.set("Content-Security-Policy", csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers.set(key, value);
  if (https) headers.set("Strict-Transport-Security", HSTS);
}
