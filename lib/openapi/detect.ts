/**
 * The Host the client sent, as the proxy saw it, for the OpenAPI handler: V3 signatures cover it.
 * It is ours only: server.mjs drops a client's (with every `x-dts-*` header), and the proxy sets it
 * on each request it passes to the handler and removes it from every other (see openApiHostHeaders).
 */
export const OPENAPI_HOST_HEADER = "x-dts-openapi-host";

/** The OpenAPI route handler's own path: the proxy rewrites signed calls at "/" here. */
export const OPENAPI_ROUTE = "/api/openapi";

export function isOpenApiRoute(pathname: string): boolean {
  return pathname === OPENAPI_ROUTE || pathname.startsWith(`${OPENAPI_ROUTE}/`);
}

/**
 * The request headers the proxy passes on: OPENAPI_HOST_HEADER is the Host of this very request
 * when it goes to the OpenAPI handler (rewritten from "/" or called at its own path), and absent
 * otherwise; whatever value the request came with is never passed on. So the handler's host binding
 * is always the Host the client connected with.
 */
export function openApiHostHeaders(headers: Headers, toOpenApi: boolean): Headers {
  const out = new Headers(headers);
  out.delete(OPENAPI_HOST_HEADER);
  if (toOpenApi) out.set(OPENAPI_HOST_HEADER, headers.get("host") ?? "");
  return out;
}

/**
 * Whether a request to the console's origin is a DTS OpenAPI call (docs/rules.md "OpenAPI") rather
 * than a browser: the proxy sends these to the API's route handler. Pure, for the proxy.
 * - GET "/" with an `Action` (or `Signature`) parameter: a V1 call (`@alicloud/pop-core`);
 * - POST "/" with a form body, an `x-acs-action` header or an `Authorization: ACS3-…` header: a V1
 *   form post or a V3 call (`@alicloud/openapi-client`).
 * A browser opening "/" sends none of these and lands in the console.
 */
export function isOpenApiCall(method: string, pathname: string, search: URLSearchParams, headers: Headers): boolean {
  if (pathname !== "/") return false;
  const verb = method.toUpperCase();
  if (verb === "GET") return search.has("Action") || search.has("Signature") || headers.has("x-acs-action");
  if (verb !== "POST") return false;
  return (
    headers.has("x-acs-action") ||
    /^ACS3-/i.test(headers.get("authorization") ?? "") ||
    /^application\/x-www-form-urlencoded/i.test(headers.get("content-type") ?? "") ||
    search.has("Action")
  );
}
