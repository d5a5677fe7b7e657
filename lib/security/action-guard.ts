// The proxy's guard for server-action POSTs. Next.js itself answers 500 to a foreign Origin, a
// body over its 1 MB limit, a multipart or url-encoded body it cannot decode and a text body that
// is not JSON; here each gets a 4xx with a clear { code, message } before Next.js sees it. Valid
// calls pass untouched: the console's actions take JSON-serialisable arguments, which the React
// client sends as a text/plain JSON array. The messages are keys of the `errors` catalogue, worded
// by guardServerAction in the browser's language: its language cookie, else its Accept-Language
// (docs/rules.md "Languages").

import type { ErrorCode } from "../error-codes";
import type { HttpRefusal } from "../refusal";
import type { Locale } from "@/i18n/locales";
import { localize, type MessageValues } from "@/i18n/translate";
import { browserLocale } from "../request-locale";
import { trustedProxyHops } from "./http-edge.mjs";

/** The body limit of server actions, the same as Next.js's default (serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type GuardCode = Extract<ErrorCode, "Forbidden.Origin" | "PayloadTooLarge" | "UnsupportedMediaType" | "InvalidParameter">;

/** The guard's refusal (lib/refusal.ts): a message key with `values` from the checks, worded once guardServerAction answers. */
export type GuardRefusal = HttpRefusal<400 | 403 | 413 | 415> & { code: GuardCode };

/** A refusal's message in the locale, its values dropped. */
export function wordGuardRefusal(refusal: GuardRefusal, locale: Locale): GuardRefusal {
  return { status: refusal.status, code: refusal.code, message: localize(locale, refusal.message, refusal.values) };
}

type HeaderBag = { get(name: string): string | null };

/**
 * Whether Next.js would treat this request as a server action: a POST with a Next-Action header,
 * or a POST with a form body (a no-JavaScript form action), as Next.js's own test goes.
 */
export function isPossibleServerAction(method: string, headers: HeaderBag): boolean {
  if (method.toUpperCase() !== "POST") return false;
  if (headers.get("next-action") !== null) return true;
  return isFormBody(headers.get("content-type"));
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";", 1)[0].trim().toLowerCase();
}

function isFormBody(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type === "multipart/form-data" || type === "application/x-www-form-urlencoded";
}

/**
 * The host a request was addressed to: behind a trusted proxy (TRUST_PROXY_HOPS) the first
 * X-Forwarded-Host, else Host (as Next.js compares); with no trusted proxy a client's
 * X-Forwarded-Host is its own claim and only Host counts (server.mjs drops the header too).
 */
export function requestHost(headers: HeaderBag, hops = trustedProxyHops()): string | null {
  const forwarded = hops > 0 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host")?.trim() || null;
}

/**
 * The Origin check of a server action. No Origin at all passes (a hand-made request carries no
 * browser's credentials; Next.js lets it through too); "null", an unparsable Origin, or one whose
 * host:port differs from the request's host is foreign.
 */
export function isSameOrigin(origin: string | null, host: string | null): boolean {
  if (origin === null) return true;
  if (!host) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  return parsed.host.toLowerCase() === host.toLowerCase();
}

/** The checks that need only the headers; null when the body still has to be looked at. */
export function checkActionHeaders(headers: HeaderBag): GuardRefusal | null {
  if (!isSameOrigin(headers.get("origin"), requestHost(headers))) {
    return { status: 403, code: "Forbidden.Origin", message: "errors.guard.foreignOrigin" };
  }
  const length = headers.get("content-length");
  if (length !== null && (!/^\d+$/.test(length.trim()) || Number(length) > ACTION_BODY_LIMIT)) {
    return tooLarge();
  }
  if (isFormBody(headers.get("content-type"))) {
    return { status: 415, code: "UnsupportedMediaType", message: "errors.guard.formBody" };
  }
  return null;
}

function tooLarge(): GuardRefusal {
  return { status: 413, code: "PayloadTooLarge", message: "errors.guard.tooLarge", values: { limitMb: ACTION_BODY_LIMIT / 1024 / 1024 } };
}

function notJson(): GuardRefusal {
  return { status: 400, code: "InvalidParameter", message: "errors.guard.notJson" };
}

/** The arguments cannot be decoded: `key` (errors.guard.malformed…) says how. */
function malformed(key: string, values: MessageValues): GuardRefusal {
  return { status: 400, code: "InvalidParameter", message: key, values };
}

/** Limits no real call comes near: our actions take one small object. */
export const ACTION_MAX_ARGS = 32;
export const ACTION_MAX_DEPTH = 32;
/** React's own limit on the slots of nested arrays in a reply (decodeReply's arraySizeLimit). */
const REACT_ARRAY_SIZE_LIMIT = 1e6;

/**
 * The "$" strings a text body may hold. React's decodeReply reads a string starting with "$" as a
 * special value ("$T" a temporary reference, "$D" a Date, "$n" a BigInt, "$Q"/"$W" a Map/Set,
 * "$K"/"$B" FormData/Blob parts, "$@" a promise, "$h" a server reference, "$1"/"$0:a:b" a path into
 * the body, typed arrays, streams…), none of which a console action takes: each either throws while
 * decoding or reaches the action as an object that throws when touched (a 500 from Next.js). React's
 * client writes a user's own "$…" string escaped as "$$…" and an unset field as "$undefined"; those
 * two are the only "$" forms let through.
 */
const REPLY_DOLLAR = /^\$(?:\$|undefined$)/;

/** A reference to a part other than the body itself ("$1", "$a:b"): a text body has no other part. */
function pointsNowhere(value: string): boolean {
  return /^\$[0-9a-f]/.test(value) && parseInt(value.slice(1), 16) !== 0;
}

/**
 * The argument list as React decodes it from a text body, checked so decoding cannot throw: a
 * JSON array of at most ACTION_MAX_ARGS arguments, nested at most ACTION_MAX_DEPTH deep, whose
 * "$" strings are an escaped string or undefined (REPLY_DOLLAR), within React's array-size limit.
 */
export function checkActionArguments(root: unknown): GuardRefusal | null {
  if (!Array.isArray(root)) return notJson();
  if (root.length > ACTION_MAX_ARGS) return malformed("errors.guard.malformedArgs", { max: ACTION_MAX_ARGS });
  type Context = { count: number; fork: boolean };
  // Iterative, so a hostile nesting cannot overflow this check's stack either.
  // React counts the slots of arrays (and the characters of their strings) per tree of directly
  // nested arrays; over its limit with any array of two or more items, decoding throws.
  const rootContext: Context = { count: 0, fork: false };
  const contexts: Context[] = [rootContext];
  const stack: Array<{ value: unknown; depth: number; context: Context | null }> = [{ value: root, depth: 0, context: rootContext }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth, context } = item;
    if (typeof value === "string") {
      if (value.startsWith("$")) {
        if (!REPLY_DOLLAR.test(value)) {
          return malformed(pointsNowhere(value) ? "errors.guard.malformedReference" : "errors.guard.malformedValue", {
            value: JSON.stringify(value.slice(0, 40)),
          });
        }
        if (context && value.startsWith("$$")) context.count += value.length - 1;
      } else if (context) {
        context.count += value.length;
      }
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= ACTION_MAX_DEPTH) return malformed("errors.guard.malformedDepth", { max: ACTION_MAX_DEPTH });
    if (Array.isArray(value)) {
      let own = context;
      if (!own) {
        own = { count: 0, fork: false };
        contexts.push(own);
      }
      if (value.length > 1) own.fork = true;
      own.count += value.length + 1;
      for (const item of value) stack.push({ value: item, depth: depth + 1, context: own });
    } else {
      for (const item of Object.values(value)) stack.push({ value: item, depth: depth + 1, context: null });
    }
  }
  if (contexts.some((c) => c.fork && c.count > REACT_ARRAY_SIZE_LIMIT)) {
    return { status: 413, code: "PayloadTooLarge", message: "errors.guard.tooManyItems" };
  }
  return null;
}

/** The body check: valid UTF-8, JSON, an argument list React can decode (see checkActionArguments). */
export function checkActionBodyText(bytes: Uint8Array): GuardRefusal | null {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return tooLarge();
  let text: string;
  try {
    // A BOM is kept, so JSON.parse refuses it as React's decoder would.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return notJson();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return notJson();
  }
  return checkActionArguments(value);
}

/** Reads at most limit + 1 bytes of a body stream (then stops), so an oversized body is never buffered whole. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit = ACTION_BODY_LIMIT): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) break;
    }
  } finally {
    // Not awaited: cancelling one branch of a cloned (teed) body settles only once the other
    // branch is cancelled too, which is Next.js's to read or drop.
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The whole guard: a refusal worded in the browser's language (its language cookie, else its
 * Accept-Language, else English), or null for a call Next.js may run. Reads a clone of the body.
 */
export async function guardServerAction(request: Request): Promise<GuardRefusal | null> {
  const refusal = checkActionHeaders(request.headers) ?? checkActionBodyText(await readCapped(request.clone().body));
  return refusal && wordGuardRefusal(refusal, browserLocale(request.headers));
}
