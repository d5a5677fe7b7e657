import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its package folder, and argon2 is a native
  // addon: both run from node_modules rather than being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // cacheComponents stays off on purpose: every console page is per-user and read fresh.
};

export default nextConfig;
