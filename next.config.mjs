// @ts-check
// Plain JavaScript on purpose: Next.js transpiles a next.config.ts with its native SWC compiler on
// every server start (the custom server's router loads the file itself), and that compiler then
// stays loaded, 26 MiB resident for nothing (README "Benchmark": where the memory goes).
import createNextIntlPlugin from "next-intl/plugin";
import { HSTS, STATIC_ASSET_CSP, STATIC_SECURITY_HEADERS } from "./lib/security/http-edge.mjs";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its package folder, and argon2 is a native
  // addon: both run from node_modules rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // No page uses next/image, so the image optimizer is off and /_next/image answers 404. On, it
  // fetched its `url` from the app itself without the client's cookies: the proxy sent that to
  // sign-in (307) and Next.js turns any internal answer that is not 2xx or 4xx into a 500.
  images: { unoptimized: true },
  // The build type-checks the app only (tsconfig.build.json): tests and scripts need devDependencies.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // cacheComponents stays off on purpose: every console page is per-user and read fresh.
  //
  // The security headers that need no nonce, on every response, including those the proxy never
  // sees (static files). The proxy sets the same ones again with the per-request CSP; its values
  // replace these rather than adding to them.
  headers() {
    return Promise.resolve([
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
      // Where the proxy does not run there is no page and no nonce: a policy that allows nothing.
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: STATIC_ASSET_CSP }] },
      { source: "/_next/image", headers: [{ key: "Content-Security-Policy", value: STATIC_ASSET_CSP }] },
      { source: "/favicon.ico", headers: [{ key: "Content-Security-Policy", value: STATIC_ASSET_CSP }] },
    ]);
  },
};

// next-intl's per-request configuration (locale and catalogue) lives in i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
