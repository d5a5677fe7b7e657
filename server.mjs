// The console's HTTP server: Next.js behind a plain node:http listener, so that what a client
// claims never reaches Next.js as if we had said it (lib/security/http-edge.mjs, docs/rules.md
// "Client address"):
// - the socket's address goes in `x-dts-peer` (Next.js fills X-Forwarded-For from the socket only
//   when the client sent none); lib/client-ip.ts reads it, and X-Forwarded-For only as far as
//   TRUST_PROXY_HOPS allows;
// - a client's own `x-dts-*` headers are dropped (they are ours: set here and by proxy.ts), and so
//   are its X-Forwarded-* headers unless TRUST_PROXY_HOPS says a proxy sets them;
// - every answer starts with all the security headers, so Next.js's own early answers (its slash
//   fix-up redirects) and the fallback 500 carry them too.
import { createServer } from "node:http";
import { materializeAbortReasons } from "./lib/runtime/abort-reasons.mjs";
import { createEdgeListener, trustedProxyHops } from "./lib/security/http-edge.mjs";

// Before Next.js loads: without it every request stays in memory (lib/runtime/abort-reasons.mjs).
materializeAbortReasons();

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const { default: next } = await import("next");
// No `hostname` for Next.js: the listen address is ours. Given one (HOSTNAME=127.0.0.1), Next.js
// builds the proxy's request.url on "localhost" but its own base URL on that address, so the
// proxy's rewrite of OpenAPI calls to /api/openapi no longer has the same origin and Next.js sends
// it back in over HTTP: through this edge again (which drops the OpenAPI host header), from the
// loopback address instead of the client's. Without one, rewrites stay inside the process.
const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer(createEdgeListener(handle, { hops: trustedProxyHops() }));
// Idle keep-alive connections stay open longer than a load balancer's or client's own idle timeout
// (commonly 60 s): with Node's default of 5 s, a client reusing a connection just as the server
// closes it gets ECONNRESET (a 502 behind a load balancer).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`DTS Console ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
