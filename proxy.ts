import { NextResponse, type NextRequest } from "next/server";
import { localize } from "./i18n/translate";
import { isOpenApiCall, isOpenApiRoute, OPENAPI_ROUTE, openApiHostHeaders } from "./lib/openapi/detect";
import { browserLocale } from "./lib/request-locale";
import { REGION_COOKIE, REGION_COOKIE_MAX_AGE, REGION_IDS } from "./lib/regions";
import { guardServerAction, isPossibleServerAction, type GuardRefusal } from "./lib/security/action-guard";
import { buildCsp, createNonce, isHttps, setSecurityHeaders, STATIC_ASSET_CSP } from "./lib/security/headers";
import { PREFETCH_HEADER } from "./lib/security/http-edge.mjs";
import { isOpenApiRequest, isPublicFile, unauthenticatedTreatment } from "./lib/security/routes";
import { hasValidSession } from "./lib/security/session";

// The console's edge, in front of every page and route handler (static files aside):
// 1. security headers on every answer, with a fresh CSP nonce that Next.js puts on its scripts;
// 2. no session, no data: the session cookie must verify (signature and expiry) or a page request
//    goes to sign-in and an API request gets 401, before anything renders;
// 3. server-action POSTs that Next.js would answer with 500 get a clear 4xx instead;
// 4. a task list opened for a known region remembers it.
// Every page, route handler and server action still checks the session and role itself: the
// proxy cannot see a revoked session.

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = createNonce();
  const https = isHttps(request.nextUrl, request.headers);
  // A file of public/ runs no page: the policy that allows nothing, as for every static file.
  const csp = isPublicFile(request.method, pathname)
    ? STATIC_ASSET_CSP
    : buildCsp({ nonce, dev: process.env.NODE_ENV === "development", https });
  const finish = (response: NextResponse) => {
    setSecurityHeaders(response.headers, { csp, https });
    return response;
  };

  // A path that is not valid percent-encoded UTF-8 (a lone surrogate's bytes) would fail Next.js's
  // own decoding with a 500: it names nothing here.
  if (!decodablePath(pathname)) {
    return finish(json(400, { code: "InvalidParameter", message: localize(browserLocale(request.headers), "errors.guard.badAddress") }));
  }
  // The DTS OpenAPI answers at "/" (docs/rules.md "OpenAPI"): a signed call goes to its route
  // handler, which authenticates it by its signature, not by a session; a browser visiting "/"
  // still gets the console. V3 signatures cover the client's Host: it comes along in a header of
  // ours, set here on every request to the handler (this rewrite, or a call at its own path) and
  // removed from every other request (openApiHostHeaders).
  if (isOpenApiCall(request.method, pathname, request.nextUrl.searchParams, request.headers)) {
    return finish(
      NextResponse.rewrite(new URL(`${OPENAPI_ROUTE}${request.nextUrl.search}`, request.url), {
        request: { headers: openApiHostHeaders(request.headers, true) },
      }),
    );
  }
  const treatment = unauthenticatedTreatment(request.method, pathname);
  if (treatment !== "allow" && !(await hasValidSession(request.cookies))) {
    if (treatment === "unauthorized") {
      return finish(json(401, { code: "Unauthorized", message: localize(browserLocale(request.headers), "errors.guard.signInFirst") }));
    }
    return finish(signInRedirect(request));
  }

  if (
    !isOpenApiRequest(request.method, pathname) &&
    !pathname.startsWith("/api/") &&
    isPossibleServerAction(request.method, request.headers)
  ) {
    const refusal = await guardServerAction(request);
    if (refusal) return finish(refuse(refusal));
  }

  // Next.js takes the nonce from the request's CSP header (a client's own CSP or x-nonce header
  // is overwritten here) and adds it to its scripts.
  const requestHeaders = openApiHostHeaders(request.headers, isOpenApiRoute(pathname));
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const region = request.nextUrl.searchParams.get("region");
  // Only a list the user opens remembers its region: a prefetch of a link (Next.js fetches links in
  // view ahead of a click) is not a choice.
  if (pathname === "/change-tracking" && region && (REGION_IDS as readonly string[]).includes(region) && !isPrefetch(request.headers)) {
    response.cookies.set(REGION_COOKIE, region, { path: "/", maxAge: REGION_COOKIE_MAX_AGE, sameSite: "lax" });
  }
  return finish(response);
}

/** A link's prefetch, as server.mjs marks it (Next.js hides its own prefetch header from the proxy). */
function isPrefetch(headers: Headers): boolean {
  return headers.get(PREFETCH_HEADER) === "1";
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function json(status: number, body: { code: string; message: string }) {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

function refuse({ status, code, message }: GuardRefusal) {
  return json(status, { code, message });
}

/** To sign-in, back to this page afterwards; an empty body whatever was asked (HTML or RSC). */
function signInRedirect(request: NextRequest) {
  const url = new URL("/login", request.url);
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  const query = search.toString();
  const back = request.nextUrl.pathname + (query ? `?${query}` : "");
  if (back !== "/") url.searchParams.set("callbackUrl", back);
  const response = NextResponse.redirect(url);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  // Every page, route handler and 404, /login included; only Next.js's static files, its image
  // route and the favicon are left out (they get next.config.mjs's static headers). The other files
  // of public/ are matched and let through without a session (routes.ts PUBLIC_FILES). Prefetches
  // are matched too: they carry page data.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
