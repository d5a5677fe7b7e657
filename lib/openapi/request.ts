import type { HttpRefusal } from "../refusal";
import type { MessageValues } from "@/i18n/translate";
import {
  constantTimeEqual,
  parseTimestamp,
  parseV3Authorization,
  sha256Hex,
  v1Signature,
  v1StringToSign,
  v3CanonicalRequest,
  v3Signature,
} from "./signature";

/**
 * A signed OpenAPI request read off the wire (docs/rules.md "OpenAPI"): which signature it uses,
 * what it asks for, and a check of its signature against a secret. Parsing needs no database; a
 * request that is not even well-formed is refused here with the gateway's code.
 */

/** An HTTP request as the parser needs it: from a Fetch `Request`, or captured in a test. */
export interface RawRequest {
  method: string;
  /** path and query as received, e.g. `/?Action=…` (an absolute URL works too) */
  url: string;
  headers: Headers;
  body: string;
  /** the Host the client sent, when the request reached us with another (a rewrite) */
  host?: string | null;
}

export interface SignedCall {
  scheme: "V1" | "V3";
  action: string;
  version: string;
  accessKeyId: string;
  nonce: string;
  timestamp: Date;
  /** every request parameter (query and form body), by name */
  params: ReadonlyMap<string, string>;
  /** Recomputes the signature with `secret` and compares it in constant time. */
  verify: (secret: string) => boolean;
}

/** Gateway refusals (lib/refusal.ts) come before any database work; each message is a key of the `errors` catalogue. */
export type ParseResult = { ok: true; call: SignedCall } | { ok: false; refusal: HttpRefusal; accessKeyId?: string };

/** The most bytes of body read; RPC requests are small forms. */
export const MAX_BODY_BYTES = 64 * 1024;

export const missingParameterRefusal = (name: string): HttpRefusal => ({
  status: 400,
  code: "MissingParameter",
  message: "errors.api.missingParameter",
  values: { name },
});
const missing = missingParameterRefusal;
const incomplete = (message: string, values?: MessageValues): HttpRefusal => ({
  status: 400,
  code: "IncompleteSignature",
  message,
  ...(values ? { values } : {}),
});
const badTimestamp: HttpRefusal = { status: 400, code: "InvalidTimeStamp.Format", message: "errors.api.timestampFormat" };

const NONCE = /^[\x21-\x7e]{1,64}$/;

function isForm(contentType: string | null): boolean {
  return !!contentType && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType);
}

/** Query and form parameters, each name at most once (a repeated name is ambiguous to sign). */
function readParams(
  search: string,
  body: string | null,
): { ok: true; query: Map<string, string>; all: Map<string, string> } | { ok: false; refusal: HttpRefusal } {
  const query = new Map<string, string>();
  const all = new Map<string, string>();
  const sources: [URLSearchParams, boolean][] = [[new URLSearchParams(search), true]];
  if (body !== null) sources.push([new URLSearchParams(body), false]);
  for (const [source, inQuery] of sources) {
    for (const [name, value] of source) {
      if (all.has(name)) {
        return {
          ok: false,
          refusal: { status: 400, code: "InvalidParameter", message: "errors.api.repeatedParameter", values: { name } },
        };
      }
      all.set(name, value);
      if (inQuery) query.set(name, value);
    }
  }
  return { ok: true, query, all };
}

function parseV1(raw: RawRequest, params: Map<string, string>): ParseResult {
  for (const name of ["AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp", "Action", "Version"]) {
    if (!params.get(name)) return { ok: false, refusal: missing(name), accessKeyId: params.get("AccessKeyId") };
  }
  const accessKeyId = params.get("AccessKeyId") ?? "";
  if (params.get("SignatureMethod") !== "HMAC-SHA1") return { ok: false, refusal: incomplete("errors.api.signatureMethod"), accessKeyId };
  const version = params.get("SignatureVersion");
  if (version !== undefined && version !== "1.0") return { ok: false, refusal: incomplete("errors.api.signatureVersion"), accessKeyId };
  if (params.has("SignatureType")) return { ok: false, refusal: incomplete("errors.api.signatureType"), accessKeyId };
  const nonce = params.get("SignatureNonce") ?? "";
  if (!NONCE.test(nonce)) return { ok: false, refusal: incomplete("errors.api.nonceFormat", { name: "SignatureNonce" }), accessKeyId };
  const timestamp = parseTimestamp(params.get("Timestamp") ?? "");
  if (!timestamp) return { ok: false, refusal: badTimestamp, accessKeyId };
  const given = params.get("Signature") ?? "";
  const signed = Object.fromEntries(params);
  return signedCall(
    { scheme: "V1", action: params.get("Action") ?? "", version: params.get("Version") ?? "", accessKeyId, nonce, timestamp, params },
    (secret) => constantTimeEqual(v1Signature(secret, v1StringToSign(raw.method, signed)), given),
  );
}

/**
 * A parsed call whose signature `matches(secret)` checks. A value that cannot be encoded cannot
 * have been signed by a client: the check then says no rather than throwing.
 */
function signedCall(call: Omit<SignedCall, "verify">, matches: (secret: string) => boolean): ParseResult {
  const verify = (secret: string) => {
    try {
      return matches(secret);
    } catch {
      return false;
    }
  };
  return { ok: true, call: { ...call, verify } };
}

/** Headers the V3 signature must cover, besides every x-acs-* header the request carries. */
const V3_REQUIRED_HEADERS = ["x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"] as const;

function parseV3(raw: RawRequest, authorization: string, query: Map<string, string>, params: Map<string, string>): ParseResult {
  const header = (name: string) => (name === "host" ? (raw.host ?? raw.headers.get("host")) : raw.headers.get(name));
  const auth = parseV3Authorization(authorization);
  if (!auth)
    return {
      ok: false,
      refusal: incomplete("errors.api.authorizationFormat"),
    };
  const { accessKeyId } = auth;
  for (const name of V3_REQUIRED_HEADERS) {
    if (!header(name)) return { ok: false, refusal: missing(name), accessKeyId };
  }
  const mustSign = new Set<string>(["host", ...V3_REQUIRED_HEADERS, ...[...raw.headers.keys()].filter((n) => n.startsWith("x-acs-"))]);
  if (raw.body && header("content-type")) mustSign.add("content-type");
  const signedSet = new Set(auth.signedHeaders);
  if (signedSet.size !== auth.signedHeaders.length || [...mustSign].some((name) => !signedSet.has(name))) {
    return {
      ok: false,
      refusal: incomplete("errors.api.signedHeaders"),
      accessKeyId,
    };
  }
  const nonce = header("x-acs-signature-nonce") ?? "";
  if (!NONCE.test(nonce))
    return { ok: false, refusal: incomplete("errors.api.nonceFormat", { name: "x-acs-signature-nonce" }), accessKeyId };
  const timestamp = parseTimestamp(header("x-acs-date") ?? "");
  if (!timestamp) return { ok: false, refusal: badTimestamp, accessKeyId };
  const declaredHash = (header("x-acs-content-sha256") ?? "").toLowerCase();
  const bodyHash = sha256Hex(raw.body);
  const canonicalQuery = Object.fromEntries(query);
  const call = {
    scheme: "V3" as const,
    action: header("x-acs-action") ?? "",
    version: header("x-acs-version") ?? "",
    accessKeyId,
    nonce,
    timestamp,
    params,
  };
  return signedCall(call, (secret) => {
    const expected = v3Signature(
      secret,
      v3CanonicalRequest({
        method: raw.method,
        path: "/",
        query: canonicalQuery,
        header,
        signedHeaders: auth.signedHeaders,
        hashedPayload: declaredHash,
      }),
    );
    // The body must be the one whose hash was signed; both checks always run.
    const bodyMatches = constantTimeEqual(bodyHash, declaredHash);
    return constantTimeEqual(expected, auth.signature) && bodyMatches;
  });
}

/**
 * Reads a signed RPC request: V3 when it has an `Authorization: ACS3-HMAC-SHA256 …` header, else V1
 * (the signature among the parameters). The OpenAPI lives at "/", so "/" is the signed path
 * whatever internal route answers it.
 */
export function parseSignedRequest(raw: RawRequest): ParseResult {
  const url = new URL(raw.url, "http://console.invalid");
  const body = isForm(raw.headers.get("content-type")) ? raw.body : null;
  const read = readParams(url.search, body);
  if (!read.ok) return read;
  const authorization = raw.headers.get("authorization");
  if (authorization && /^ACS3-/i.test(authorization.trim())) {
    if (!/^ACS3-HMAC-SHA256\s/.test(authorization.trim())) return { ok: false, refusal: incomplete("errors.api.v3Only") };
    return parseV3(raw, authorization, read.query, read.all);
  }
  return parseV1(raw, read.all);
}
