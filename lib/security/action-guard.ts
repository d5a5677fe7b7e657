// The proxy's guard for server-action POSTs. Next.js itself answers 500 to a foreign Origin, a
// body over its 1 MB limit, a multipart or url-encoded body it cannot decode and a text body that
// is not JSON; here each gets a 4xx with a clear { code, message } before Next.js sees it. Valid
// calls pass untouched: the console's actions take JSON-serialisable arguments, which the React
// client sends as a text/plain JSON array.

/** The body limit of server actions, the same as Next.js's default (serverActions.bodySizeLimit). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type GuardCode = "Forbidden.Origin" | "PayloadTooLarge" | "UnsupportedMediaType" | "InvalidParameter";

export interface GuardRefusal {
  status: 400 | 403 | 413 | 415;
  code: GuardCode;
  message: string;
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
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

function isFormBody(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type === "multipart/form-data" || type === "application/x-www-form-urlencoded";
}

/** The host a request was addressed to: the first X-Forwarded-Host, else Host (as Next.js compares). */
export function requestHost(headers: HeaderBag): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
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
    return { status: 403, code: "Forbidden.Origin", message: "Cross-site requests to server actions are refused: the Origin does not match this console." };
  }
  const length = headers.get("content-length");
  if (length !== null && (!/^\d+$/.test(length.trim()) || Number(length) > ACTION_BODY_LIMIT)) {
    return tooLarge();
  }
  if (isFormBody(headers.get("content-type"))) {
    return {
      status: 415,
      code: "UnsupportedMediaType",
      message: "Server actions here take JSON arguments as text/plain; form bodies (multipart, url-encoded) are not accepted.",
    };
  }
  return null;
}

function tooLarge(): GuardRefusal {
  return { status: 413, code: "PayloadTooLarge", message: `The request body exceeds the ${ACTION_BODY_LIMIT / 1024 / 1024} MB limit of server actions.` };
}

function notJson(): GuardRefusal {
  return { status: 400, code: "InvalidParameter", message: "The server action's arguments must be a UTF-8 JSON array." };
}

/** The body check: valid UTF-8, a JSON array (React encodes the argument list as one). */
export function checkActionBodyText(bytes: Uint8Array): GuardRefusal | null {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return notJson();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return notJson();
  }
  return Array.isArray(value) ? null : notJson();
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
    await reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The whole guard: a refusal, or null for a call Next.js may run. Reads a clone of the body. */
export async function guardServerAction(request: Request): Promise<GuardRefusal | null> {
  const refusal = checkActionHeaders(request.headers);
  if (refusal) return refusal;
  return checkActionBodyText(await readCapped(request.clone().body));
}
