import "server-only";
import { NextResponse } from "next/server";
import { requestLocale } from "@/i18n/server";
import { localize } from "@/i18n/translate";
import { getSessionUser, type SessionUser } from "../auth/session";
import { httpStatusOf, type ErrorCode } from "../error-codes";

/**
 * A route handler's refusal as JSON, `{code, message}`, the message in the caller's language and
 * the status the code has everywhere (lib/error-codes.ts `httpStatusOf`). Never cached.
 */
export async function jsonRefusal(code: ErrorCode, messageKey: string): Promise<NextResponse> {
  return NextResponse.json(
    { code, message: localize(await requestLocale(), messageKey) },
    { status: httpStatusOf(code), headers: { "Cache-Control": "no-store" } },
  );
}

/** A route handler's answer as JSON, never cached (it is one user's view of live data). */
export function jsonAnswer(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
}

/**
 * The one preamble of the console's JSON route handlers: the session checked by the handler itself
 * (docs/rules.md "Sessions"), a 401 in the caller's language without one, then the handler with the
 * user and the route's parameters.
 */
export function withUser<Params extends Record<string, string> = Record<string, never>>(
  handler: (user: SessionUser, context: { request: Request; params: Params }) => Promise<Response>,
  options: { signedOut?: string } = {},
) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const user = await getSessionUser();
    if (!user) return jsonRefusal("Unauthorized", options.signedOut ?? "errors.signInAgain");
    return handler(user, { request, params: await context.params });
  };
}
