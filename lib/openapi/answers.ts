import type { ActionFailure } from "../actions/result";
import type { ErrorCode } from "../error-codes";

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
 */

export interface AnswerContext {
  requestId: string;
  hostId: string;
}

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  /** seconds, for a throttled client */
  retryAfter?: number;
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
export function gatewayRefusal(refusal: Refusal, ctx: AnswerContext): Response {
  return json(
    refusal.status,
    { RequestId: ctx.requestId, HostId: ctx.hostId, Code: refusal.code, Message: refusal.message },
    ctx,
    refusal.retryAfter ? { "Retry-After": String(refusal.retryAfter) } : {},
  );
}

/** The HTTP status of an operation's refusal code. */
export function statusOf(code: ErrorCode): number {
  if (code === "NotFound" || code === "InvalidAccessKeyId.NotFound" || code === "InvalidApi.NotFound") return 404;
  if (code.startsWith("OperationDenied.") || code.startsWith("Forbidden.")) return 403;
  if (code === "Throttling.User") return 429;
  if (code === "Unauthorized") return 401;
  if (code === "InternalError") return 503;
  return 400;
}

/**
 * An operation refused by the console's rules, in the DTS shape. A role refusal (`Forbidden.Role`)
 * is the gateway's `Forbidden.RAM`, as Alibaba Cloud answers a RAM user without the permission.
 */
export function operationRefusal(failure: ActionFailure, ctx: AnswerContext): Response {
  if (failure.code === "Forbidden.Role") {
    return gatewayRefusal(
      { status: 403, code: "Forbidden.RAM", message: `User not authorized to operate on the specified resource. ${failure.message}` },
      ctx,
    );
  }
  const status = statusOf(failure.code);
  // Field messages name the console's fields; the first one says what is wrong in words.
  const detail = failure.fieldErrors ? Object.values(failure.fieldErrors)[0] : undefined;
  const message = detail && failure.message === "Check the highlighted fields." ? detail : failure.message;
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
