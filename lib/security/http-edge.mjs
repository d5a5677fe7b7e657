// The console's HTTP edge: what server.mjs does to every request before Next.js sees it, and the
// security headers every answer carries. Plain ESM JavaScript with no imports, because server.mjs
// runs on node without a build; lib/security/headers.ts and lib/client-ip.ts take their values
// from here, so each lives in one place (types: http-edge.d.mts).

/** The console's own request headers: set by server.mjs and proxy.ts only, never taken from a client. */
export const INTERNAL_HEADER_PREFIX = "x-dts-";
/** The socket's address, set on every request. */
export const PEER_HEADER = "x-dts-peer";
/** "1" when Next.js's router is prefetching a link (Next.js hides its own flags from the proxy), else "0". */
export const PREFETCH_HEADER = "x-dts-prefetch";

/** How many reverse proxies in front of the console set the X-Forwarded-* headers (TRUST_PROXY_HOPS, default 0). */
export function trustedProxyHops(env = process.env) {
  const n = Number(env.TRUST_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** Headers only a reverse proxy sets: X-Forwarded-* (For, Host, Proto, Port, …), Forwarded, X-Real-IP. */
export function isForwardingHeader(name) {
  const n = name.toLowerCase();
  return n.startsWith("x-forwarded-") || n === "forwarded" || n === "x-real-ip";
}

export function isInternalHeader(name) {
  return name.toLowerCase().startsWith(INTERNAL_HEADER_PREFIX);
}

/**
 * A request's headers (node's `req.headers`, lower-case names) made fit for Next.js, in place:
 * every `x-dts-*` header a client sent is dropped; forwarding headers are dropped too unless a
 * trusted proxy sets them (`hops` > 0), and Next.js then fills X-Forwarded-For/Host/Proto/Port
 * from the socket and Host itself; `x-dts-peer` and `x-dts-prefetch` are set by us.
 */
export function sanitizeRequestHeaders(headers, { hops, peer }) {
  for (const name of Object.keys(headers)) {
    if (isInternalHeader(name) || (hops === 0 && isForwardingHeader(name))) delete headers[name];
  }
  headers[PEER_HEADER] = peer ?? "";
  const purpose = String(headers.purpose ?? headers["sec-purpose"] ?? "");
  headers[PREFETCH_HEADER] = headers["next-router-prefetch"] !== undefined || /prefetch/i.test(purpose) ? "1" : "0";
  return headers;
}

/** Whether the request reached us over HTTPS: a TLS socket, or a trusted proxy's X-Forwarded-Proto. */
export function isHttpsRequest(headers, { hops, encrypted = false }) {
  if (encrypted) return true;
  if (hops === 0) return false;
  const proto = headers["x-forwarded-proto"];
  return (
    String(Array.isArray(proto) ? proto[0] : (proto ?? ""))
      .split(",")[0]
      .trim()
      .toLowerCase() === "https"
  );
}

export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export const HSTS = "max-age=63072000; includeSubDomains";

/** For responses no page can run in (static files, the edge's own answers): nothing loads, nothing frames. */
export const STATIC_ASSET_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries, whatever it is. */
export const STATIC_SECURITY_HEADERS = Object.freeze(
  [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-DNS-Prefetch-Control", value: "off" },
  ].map((header) => Object.freeze(header)),
);

/**
 * The floor: every security header, with the CSP of a response no page runs in (HSTS over HTTPS).
 * Set before Next.js runs, so the answers it sends before its config headers and the proxy (its
 * slash fix-up redirects) carry them too; the proxy's and next.config.mjs's values replace these.
 */
export function floorHeaders({ https }) {
  return [
    { key: "Content-Security-Policy", value: STATIC_ASSET_CSP },
    ...STATIC_SECURITY_HEADERS,
    ...(https ? [{ key: "Strict-Transport-Security", value: HSTS }] : []),
  ];
}

/**
 * The request listener of server.mjs around Next.js's `handle`: the headers cleaned, the floor set,
 * and a plain 500 with the floor (nothing of what Next.js had set) if `handle` fails.
 */
export function createEdgeListener(handle, { hops = trustedProxyHops(), log = console.error } = {}) {
  return (req, res) => {
    sanitizeRequestHeaders(req.headers, { hops, peer: req.socket.remoteAddress });
    const floor = floorHeaders({ https: isHttpsRequest(req.headers, { hops, encrypted: req.socket.encrypted === true }) });
    for (const { key, value } of floor) res.setHeader(key, value);
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error) => {
        log(`request failed: ${error?.message ?? error}`);
        if (res.headersSent) {
          // Part of an answer is out: end the connection rather than append to it.
          res.destroy();
          return;
        }
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        for (const { key, value } of floor) res.setHeader(key, value);
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.statusCode = 500;
        res.end("Internal Server Error");
      });
  };
}
