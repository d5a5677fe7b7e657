import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { localize } from "@/i18n/translate";
import { getDb } from "../db";
import { browserLocale } from "../request-locale";
import { SESSION_COOKIES, sessionCookieOf } from "../security/session";
import { sessionStateOf } from "./session";

type Handler = (request: NextRequest, context: unknown) => Promise<Response>;

/** A throttled sign-in, as lib/auth/options.ts throws it and next-auth puts it in the answer's URL. */
const THROTTLED = /^Throttled:(\d{1,6})$/;

/** The answer's cookies that end a session: each name next-auth may use, and its chunks. */
function clearSessionCookies(request: NextRequest, response: NextResponse): NextResponse {
  for (const name of SESSION_COOKIES) {
    const chunks = request.cookies.getAll().filter((c) => c.name === name || c.name.startsWith(`${name}.`));
    for (const { name: cookie } of chunks) {
      response.cookies.set(cookie, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  return response;
}

/**
 * next-auth's own routes, with what it does not do itself (docs/rules.md "Sessions"):
 * - `GET /api/auth/session` answers by the one full session check (lib/auth/session.ts): a
 *   revoked, outdated or over-age session is signed out there too, its cookie cleared, never
 *   re-issued;
 * - a throttled sign-in is a 429 with Retry-After, not a 401;
 * - a method next-auth has no answer for (GET of the credentials callback) is a 405, and nothing
 *   it throws becomes a 500 with a stack trace.
 */
export function withAuthRouteRules(handler: Handler, state = sessionStateOf): Handler {
  return async (request, context) => {
    const path = request.nextUrl.pathname.replace(/^\/api\/auth\/?/, "").replace(/\/+$/, "");
    const method = request.method.toUpperCase();
    const locale = browserLocale(request.headers);
    if (path.startsWith("callback/") && method !== "POST") {
      return NextResponse.json(
        { code: "InvalidParameter", message: localize(locale, "errors.guard.methodNotAllowed") },
        { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } },
      );
    }
    if (path === "session" && method === "GET") {
      if (sessionCookieOf(request.cookies) !== null && (await state(getDb, request.cookies)).user === null) {
        return clearSessionCookies(request, NextResponse.json({}, { headers: { "Cache-Control": "no-store" } }));
      }
    }
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      console.error(
        `[auth] ${request.method} /api/auth/${path.slice(0, 80)}: ${error instanceof Error ? error.message.slice(0, 200) : "failed"}`,
      );
      return NextResponse.json(
        { code: "InvalidParameter", message: localize(locale, "errors.guard.badRequest") },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    }
    if (path.startsWith("callback/") && response.status === 401) return throttledAs429(response);
    return response;
  };
}

/** A credentials refusal whose error is `Throttled:<seconds>` becomes 429 with Retry-After; others stay. */
async function throttledAs429(response: Response): Promise<Response> {
  const text = await response.text();
  let error: string | null = null;
  try {
    const body = JSON.parse(text) as { url?: unknown };
    if (typeof body.url === "string") error = new URL(body.url, "http://x").searchParams.get("error");
  } catch {
    // Not next-auth's JSON: passed on as it came.
  }
  const seconds = error ? THROTTLED.exec(error)?.[1] : undefined;
  const headers = new Headers(response.headers);
  if (!seconds) return new Response(text, { status: response.status, headers });
  headers.set("Retry-After", seconds);
  return new Response(text, { status: 429, headers });
}
