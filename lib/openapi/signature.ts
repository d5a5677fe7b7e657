import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * The two request signatures of Alibaba Cloud's RPC-style OpenAPI (docs/rules.md "OpenAPI"),
 * computed the way the official clients compute them:
 * - V1 (`@alicloud/pop-core`): HMAC-SHA1 with key `secret&` over
 *   `METHOD&%2F&encode(k1=v1&k2=v2…)`, parameters sorted by name, each name and value
 *   percent-encoded (RFC 3986: `encodeURIComponent` plus `!'()*`), the `Signature` parameter left out;
 * - V3 (`@alicloud/openapi-client`, ACS3-HMAC-SHA256): HMAC-SHA256 over
 *   `ACS3-HMAC-SHA256\n` + hex(SHA-256(canonical request)), the canonical request being
 *   `METHOD\nURI\ncanonical query\ncanonical headers\nsigned headers\nhex(SHA-256(body))`.
 * Pure functions: no clock, no database.
 */

export const API_VERSION = "2020-01-01";
export const V3_ALGORITHM = "ACS3-HMAC-SHA256";
/** A request's timestamp may differ from the server's clock by at most this much, either way. */
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

/** RFC 3986 percent-encoding, as the clients' `encode` does it. Throws on lone surrogates. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Whether two strings are equal, in time that depends on neither their contents nor (beyond
 * hashing) their lengths: both are hashed first, so the comparison is always of 32 bytes.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = createHash("sha256").update(a, "utf8").digest();
  const y = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

/** V1's string to sign over every parameter but `Signature` (names sorted as the client sorts them). */
export function v1StringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join("&");
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(canonical)}`;
}

/** V1's signature: base64(HMAC-SHA1(secret + "&", string to sign)). */
export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac("sha1", `${secret}&`).update(stringToSign, "utf8").digest("base64");
}

export interface V3Authorization {
  accessKeyId: string;
  /** lower-case header names, in the order given */
  signedHeaders: string[];
  signature: string;
}

/**
 * The `Authorization` header of a V3 request: `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=hex`.
 * Null when it is not of that form.
 */
export function parseV3Authorization(header: string): V3Authorization | null {
  const match = /^ACS3-HMAC-SHA256\s+(.+)$/.exec(header.trim());
  if (!match) return null;
  const fields = new Map<string, string>();
  for (const part of match[1].split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const name = part.slice(0, eq).trim();
    if (fields.has(name)) return null;
    fields.set(name, part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature || fields.size !== 3) return null;
  if (!/^[0-9a-f]{64}$/.test(signature)) return null;
  const names = signedHeaders.split(";");
  if (names.some((n) => !/^[a-z0-9-]+$/.test(n))) return null;
  return { accessKeyId, signedHeaders: names, signature };
}

export interface V3CanonicalInput {
  method: string;
  /** the path the client called: "/" for RPC-style APIs */
  path: string;
  /** the URL's query parameters, decoded */
  query: Record<string, string>;
  /** a header's value as received, by lower-case name */
  header: (name: string) => string | null;
  signedHeaders: string[];
  /** hex SHA-256 of the body, as the client declared it in x-acs-content-sha256 */
  hashedPayload: string;
}

/** V3's canonical request. */
export function v3CanonicalRequest(input: V3CanonicalInput): string {
  const query = Object.keys(input.query)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(input.query[name])}`)
    .join("&");
  const signed = [...input.signedHeaders].sort();
  const headers = signed.map((name) => `${name}:${(input.header(name) ?? "").trim()}\n`).join("");
  return [input.method.toUpperCase(), input.path, query, headers, signed.join(";"), input.hashedPayload].join("\n");
}

/** V3's signature: hex(HMAC-SHA256(secret, "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request)))). */
export function v3Signature(secret: string, canonicalRequest: string): string {
  return createHmac("sha256", secret)
    .update(`${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`, "utf8")
    .digest("hex");
}

/** An ISO 8601 UTC timestamp as the clients write it (`2026-11-28T08:00:00Z`, milliseconds allowed), or null. */
export function parseTimestamp(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?Z$/.exec(value);
  if (!match) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  // new Date() rolls 2026-02-30 over into March: the fields must come back as written.
  const [, y, mo, d, h, mi, s] = match;
  const iso = date.toISOString();
  return iso.startsWith(`${y}-${mo}-${d}T${h}:${mi}:${s}`) ? date : null;
}

/** Whether a request's timestamp lies within {@link TIMESTAMP_WINDOW_MS} of `now`. */
export function timestampInWindow(timestamp: Date, now: Date): boolean {
  return Math.abs(now.getTime() - timestamp.getTime()) <= TIMESTAMP_WINDOW_MS;
}
