// The console's HTTP server: Next.js behind a plain node:http listener, for one reason. Next.js
// fills X-Forwarded-For from the socket only when the client did not send one, so behind no proxy
// the socket's address would be lost to whatever a client claims. Here every request carries the
// socket's address in `x-dts-peer` (a client's own value is overwritten); lib/client-ip.ts reads it
// and X-Forwarded-For only as far as TRUST_PROXY_HOPS allows.
import { createServer } from "node:http";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const { default: next } = await import("next");
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// A floor for the answers Next.js sends before its config headers and the proxy run (its own
// slash fix-up redirects, the fallback 500 below): the same values lib/security/headers.ts sets,
// which replace these on every other answer.
const FLOOR_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

const server = createServer((req, res) => {
  req.headers["x-dts-peer"] = req.socket.remoteAddress ?? "";
  // Whether Next.js's router is prefetching a link: it hides its own flags from the proxy, which
  // remembers a region only for a list the user opens (proxy.ts). A client's own value is overwritten.
  const purpose = String(req.headers.purpose ?? req.headers["sec-purpose"] ?? "");
  req.headers["x-dts-prefetch"] = req.headers["next-router-prefetch"] !== undefined || /prefetch/i.test(purpose) ? "1" : "0";
  for (const [name, value] of Object.entries(FLOOR_HEADERS)) res.setHeader(name, value);
  handle(req, res).catch((error) => {
    console.error(`request failed: ${error?.message ?? error}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});
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
