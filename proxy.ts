import { NextResponse, type NextRequest } from "next/server";
import { isOpenApiCall, OPENAPI_HOST_HEADER } from "./lib/openapi/detect";
import { REGION_COOKIE, REGION_COOKIE_MAX_AGE, REGION_IDS } from "./lib/regions";

// Only redirects and remembers: a visitor without a session cookie goes to sign-in first, and a
// task list opened for a known region remembers it. Every page, route handler and server action
// still checks the session and role itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  // The DTS OpenAPI answers at "/" (docs/rules.md "OpenAPI"): a signed call goes to its route
  // handler, which checks the signature itself; a browser visiting "/" still gets the console.
  if (isOpenApiCall(request.method, request.nextUrl.pathname, request.nextUrl.searchParams, request.headers)) {
    // A rewrite reaches the handler with Next.js's own Host; V3 signatures cover the client's.
    const headers = new Headers(request.headers);
    headers.set(OPENAPI_HOST_HEADER, request.headers.get("host") ?? "");
    return NextResponse.rewrite(new URL(`/api/openapi${request.nextUrl.search}`, request.url), { request: { headers } });
  }
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    const url = new URL("/login", request.url);
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== "/") url.searchParams.set("callbackUrl", back);
    return NextResponse.redirect(url);
  }
  const response = NextResponse.next();
  const region = request.nextUrl.searchParams.get("region");
  if (request.nextUrl.pathname === "/change-tracking" && region && (REGION_IDS as readonly string[]).includes(region)) {
    response.cookies.set(REGION_COOKIE, region, { path: "/", maxAge: REGION_COOKIE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}

export const config = {
  matcher: ["/", "/change-tracking/:path*", "/audit/:path*", "/access-keys/:path*"],
};
