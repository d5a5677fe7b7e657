/**
 * Whether a request to the console's origin is a DTS OpenAPI call (docs/rules.md "OpenAPI") rather
 * than a browser: the proxy sends these to the API's route handler. Pure, for the proxy.
 * - GET "/" with an `Action` (or `Signature`) parameter: a V1 call (`@alicloud/pop-core`);
 * - POST "/" with a form body, an `x-acs-action` header or an `Authorization: ACS3-…` header: a V1
 *   form post or a V3 call (`@alicloud/openapi-client`).
 * A browser opening "/" sends none of these and lands in the console.
 */
/**
 * The Host the client sent, as the proxy saw it: a rewrite reaches the route handler with Next.js's
 * own Host header, and V3 signatures cover the client's. The proxy overwrites any value a client
 * sends; a wrong one could only make a signature fail, never pass.
 */
export const OPENAPI_HOST_HEADER = "x-dts-openapi-host";

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
