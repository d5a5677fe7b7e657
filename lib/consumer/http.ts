import { NextResponse } from "next/server";
import type { z } from "../validation/zod";
import type { ErrorCode } from "../error-codes";

/** Bodies larger than this are refused before they are parsed. */
export const MAX_CONSUMER_BODY = 16 * 1024;

/** The one way the consumer endpoints answer: JSON, never cached. */
export function consumerJson(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export interface Refusal {
  status: 400 | 401 | 404 | 409 | 410 | 413 | 415 | 429;
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  retryAfter?: number;
}

export function refusalResponse(r: Refusal): NextResponse {
  const body = r.fieldErrors ? { code: r.code, message: r.message, fieldErrors: r.fieldErrors } : { code: r.code, message: r.message };
  return consumerJson(body, r.status, r.retryAfter ? { "Retry-After": String(r.retryAfter) } : {});
}

/**
 * The request's JSON object body parsed with `schema`, or the refusal to answer: 415 for another
 * content type, 413 for an oversized body, 400 for malformed JSON or fields that fail the schema.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; refusal: Refusal }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, refusal: { status: 415, code: "InvalidParameter", message: "Send the body as application/json." } };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_CONSUMER_BODY) return { ok: false, refusal: tooLarge };
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "The body could not be read." } };
  }
  if (text.length > MAX_CONSUMER_BODY) return { ok: false, refusal: tooLarge };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "The body is not valid JSON." } };
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "Send a JSON object body." } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "body"] ??= issue.message;
    return {
      ok: false,
      refusal: { status: 400, code: "InvalidParameter", message: Object.values(fieldErrors)[0] ?? "Invalid request.", fieldErrors },
    };
  }
  return { ok: true, data: parsed.data };
}

const tooLarge: Refusal = { status: 413, code: "InvalidParameter", message: `The body is larger than ${MAX_CONSUMER_BODY} bytes.` };
