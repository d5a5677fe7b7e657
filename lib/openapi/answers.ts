import type { ActionFailure } from "../actions/result";
import type { HttpRefusal } from "../refusal";
import { httpStatusOf } from "../error-codes";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localize } from "@/i18n/translate";

/**
 * How the OpenAPI answers (docs/rules.md "OpenAPI"). Always JSON, never cached, with the request's
 * id in `RequestId` and the `x-acs-request-id` header.
 * - The gateway's refusals (authentication, unknown API, missing parameter, role) are
 *   `{ RequestId, HostId, Code, Message }` with a 4xx status, as Alibaba Cloud's gateway answers.
 * - An operation's refusal is in the shape the DTS API reference documents, `Success` "false",
 *   `ErrCode`, `ErrMessage`, `HttpStatusCode`, with the same status on the response, and `Code` and
 *   `Message` repeated so that the official clients raise it as an error carrying the code
 *   (`@alicloud/pop-core` throws only when `Code` is present, `@alicloud/openapi-client` on any 4xx/5xx).
 * `Success` and `HttpStatusCode` are strings, as the DTS SDK's models type them.
 * Messages are in the language the request's Accept-Language asks for, English unless it asks for
 * Chinese (docs/rules.md "Languages"); codes are the same in every language.
 */

export interface AnswerContext {
  requestId: string;
  hostId: string;
  /** the language of the messages; English when not given */
  locale?: Locale;
}

function json(status: number, body: Record<string, unknown>, ctx: AnswerContext, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "Content-Type": "application/json;charset=utf-8",
      "Cache-Control": "no-store",
      "x-acs-request-id": ctx.requestId,
      ...extra,
    },
  });
}

/** A refusal by the gateway: authentication, throttling, an unknown API or version, a missing parameter. */
export function gatewayRefusal(refusal: HttpRefusal, ctx: AnswerContext): Response {
  return json(
    refusal.status,
    {
      RequestId: ctx.requestId,
      HostId: ctx.hostId,
      Code: refusal.code,
      Message: localize(ctx.locale ?? DEFAULT_LOCALE, refusal.message, refusal.values),
    },
    ctx,
    refusal.retryAfter ? { "Retry-After": String(refusal.retryAfter) } : {},
  );
}

/**
 * An operation refused by the console's rules, in the DTS shape. A role refusal (`Forbidden.Role`)
 * is the gateway's `Forbidden.RAM`, as Alibaba Cloud answers a RAM user without the permission.
 */
export function operationRefusal(failure: ActionFailure, ctx: AnswerContext): Response {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  // Keys (the API's own refusals) are worded here; runAction's answers arrive worded already.
  const word = (text: string) => localize(locale, text, failure.values);
  if (failure.code === "Forbidden.Role") {
    return gatewayRefusal(
      { status: 403, code: "Forbidden.RAM", message: "errors.api.forbiddenRam", values: { detail: word(failure.message) } },
      ctx,
    );
  }
  const status = httpStatusOf(failure.code);
  // Field messages name the console's fields; the first one says what is wrong in words.
  const first = failure.fieldErrors ? Object.values(failure.fieldErrors)[0] : undefined;
  const general = word(failure.message) === localize(locale, "errors.checkFields");
  const message = first && general ? word(first) : word(failure.message);
  return json(
    status,
    {
      RequestId: ctx.requestId,
      Success: "false",
      ErrCode: failure.code,
      ErrMessage: message,
      HttpStatusCode: String(status),
      Code: failure.code,
      Message: message,
    },
    ctx,
  );
}

/** A successful operation's answer. */
export function operationSuccess(body: Record<string, unknown>, ctx: AnswerContext): Response {
  return json(200, { RequestId: ctx.requestId, ...body, Success: "true" }, ctx);
}
