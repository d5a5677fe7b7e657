import { NextResponse, type NextRequest } from "next/server";

// Only redirects: a visitor without a session cookie goes to sign-in first. Every page, route
// handler and server action still checks the session and role itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn) {
    const url = new URL("/login", request.url);
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== "/") url.searchParams.set("callbackUrl", back);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/", "/change-tracking/:path*", "/audit/:path*"],
};
