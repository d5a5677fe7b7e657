import { NextResponse } from "next/server";
import type { z } from "../validation/zod";
import type { HttpRefusal, Outcome } from "../refusal";
import { negotiateLocale, type Locale } from "@/i18n/locales";
import { localize, type MessageValues } from "@/i18n/translate";

/** Bodies larger than this are refused before they are parsed. */
export const MAX_CONSUMER_BODY = 16 * 1024;

/** The one way the consumer endpoints answer: JSON, never cached. */
export function consumerJson(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A consumer endpoint's refusal (lib/refusal.ts), with the statuses these endpoints answer. */
export type ConsumerRefusal = HttpRefusal<400 | 401 | 404 | 409 | 410 | 413 | 415 | 429>;

/**
 * The language of a consumer endpoint's or API client's answers: what its Accept-Language asks
 * for, English without one (the clients are programs; they get English unless they ask otherwise).
 */
export function clientLocale(request: Pick<Request, "headers">): Locale {
  return negotiateLocale(request.headers.get("accept-language"));
}

export function refusalResponse(r: ConsumerRefusal, locale: Locale = "en"): NextResponse {
  const message = localize(locale, r.message, r.values);
  const fieldErrors = r.fieldErrors
    ? Object.fromEntries(Object.entries(r.fieldErrors).map(([field, text]) => [field, localize(locale, text, r.values)]))
    : undefined;
  const body = fieldErrors ? { code: r.code, message, fieldErrors } : { code: r.code, message };
  return consumerJson(body, r.status, r.retryAfter ? { "Retry-After": String(r.retryAfter) } : {});
}

/** What a schema message may name: the field ({field}) and the bound it broke ({maximum}, {minimum}). */
function issueValues(issue: z.core.$ZodIssue, field: string): MessageValues {
  const values: MessageValues = { field };
  // As strings: a bound is written as the rule states it (2000000000), not grouped as a count.
  if ("maximum" in issue) values.maximum = String(issue.maximum);
  if ("minimum" in issue) values.minimum = String(issue.minimum);
  return values;
}

/**
 * The request's JSON object body parsed with `schema`, or the refusal to answer: 415 for another
 * content type, 413 for an oversized body, 400 for malformed JSON or fields that fail the schema.
 * Field errors are worded in the request's language (Accept-Language) with their own values.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<Outcome<z.output<S>, ConsumerRefusal>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, refusal: { status: 415, code: "InvalidParameter", message: "errors.consumer.notJson" } };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_CONSUMER_BODY) return { ok: false, refusal: tooLarge };
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "errors.consumer.unreadable" } };
  }
  if (text.length > MAX_CONSUMER_BODY) return { ok: false, refusal: tooLarge };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "errors.consumer.invalidJson" } };
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, refusal: { status: 400, code: "InvalidParameter", message: "errors.consumer.notObject" } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const locale = clientLocale(request);
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "body";
      fieldErrors[field] ??= localize(locale, issue.message, issueValues(issue, field));
    }
    return {
      ok: false,
      refusal: {
        status: 400,
        code: "InvalidParameter",
        message: Object.values(fieldErrors)[0] ?? "errors.consumer.invalidRequest",
        fieldErrors,
      },
    };
  }
  return { ok: true, data: parsed.data };
}

const tooLarge: ConsumerRefusal = {
  status: 413,
  code: "InvalidParameter",
  message: "errors.consumer.tooLarge",
  values: { maxBytes: String(MAX_CONSUMER_BODY) },
};
