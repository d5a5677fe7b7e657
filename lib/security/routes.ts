// Which requests the proxy lets through without a session. Everything else under its matcher needs
// a verified session cookie: deny by default, so a new page or route handler is covered from the
// start.

/**
 * Hook for the OpenAPI endpoint (`POST /` with Action=… parameters, as the DTS OpenAPI is called):
 * it will authenticate by its own signature, not by the console's cookie. Turn this on when a
 * handler for it exists; the proxy then neither redirects it nor treats its form body as a
 * server action.
 */
export const OPENAPI_ROOT_POST_ENABLED: boolean = false;

export function isOpenApiRequest(method: string, pathname: string): boolean {
  return OPENAPI_ROOT_POST_ENABLED && method.toUpperCase() === "POST" && pathname === "/";
}

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/**
 * The files in public/, served to anyone: the sign-in page links the icons and the manifest, and a
 * browser fetches the manifest without cookies. Listed by name (a unit test compares the list with
 * the folder), so no other path becomes public by looking like a file.
 */
export const PUBLIC_FILES: ReadonlySet<string> = new Set([
  "/apple-touch-icon.png",
  "/favicon.ico",
  "/icon-192.png",
  "/icon-512.png",
  "/icon.svg",
  "/manifest.webmanifest",
]);

/** A GET or HEAD of a file in public/. */
export function isPublicFile(method: string, pathname: string): boolean {
  const verb = method.toUpperCase();
  return (verb === "GET" || verb === "HEAD") && PUBLIC_FILES.has(pathname);
}

/** Pages anyone may open: sign-in. */
export function isPublicPage(pathname: string): boolean {
  return under(pathname, "/login");
}

/**
 * Route handlers that authenticate otherwise: next-auth's own, the consumer endpoints (account +
 * password) and the DTS OpenAPI (an AccessKey signature; the proxy rewrites signed calls at "/" to
 * /api/openapi, and a client may call that path directly too).
 */
export function authenticatesOtherwise(method: string, pathname: string): boolean {
  return (
    under(pathname, "/api/auth") ||
    under(pathname, "/api/consumer") ||
    under(pathname, "/api/openapi") ||
    isOpenApiRequest(method, pathname)
  );
}

/** The health probes of load balancers (GET /api/health/live and /ready): they reveal nothing else. */
export function isHealthProbe(method: string, pathname: string): boolean {
  const verb = method.toUpperCase();
  return (verb === "GET" || verb === "HEAD") && (pathname === "/api/health/live" || pathname === "/api/health/ready");
}

/** Prometheus's scrape (GET /metrics): the route checks its bearer token itself (docs/rules.md "Metrics"). */
export function isMetricsScrape(method: string, pathname: string): boolean {
  const verb = method.toUpperCase();
  return (verb === "GET" || verb === "HEAD") && pathname === "/metrics";
}

/** Next.js's own non-page paths the matcher lets in (development HMR, internal endpoints). */
export function isFrameworkPath(pathname: string): boolean {
  return pathname.startsWith("/_next/") || pathname.startsWith("/__nextjs");
}

export function isApiPath(pathname: string): boolean {
  return under(pathname, "/api");
}

/** Where a request without a valid session goes: through, a 401 (API) or sign-in (pages). */
export function unauthenticatedTreatment(method: string, pathname: string): "allow" | "unauthorized" | "sign-in" {
  if (
    isPublicPage(pathname) ||
    isPublicFile(method, pathname) ||
    isHealthProbe(method, pathname) ||
    isMetricsScrape(method, pathname) ||
    authenticatesOtherwise(method, pathname) ||
    isFrameworkPath(pathname)
  ) {
    return "allow";
  }
  return isApiPath(pathname) ? "unauthorized" : "sign-in";
}
