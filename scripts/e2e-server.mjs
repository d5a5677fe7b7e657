// The production build against a throwaway PostgreSQL cluster, for the end-to-end suite. Run by
// Playwright's webServer as `node --import tsx scripts/e2e-server.mjs`; the tests open the same
// database (its URL is in E2E_STATE_FILE) to create the data each of them needs. SIGTERM stops the
// server and the cluster; a cluster left by a killed run is removed at the next start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findPgBin, startPgServer, stopPgCluster } from "../test/pg-server.ts";
import { E2E_STATE_FILE } from "../e2e/server-state.ts";
import { START_FLAGS } from "../test/helpers/console-http.ts";

const pgBin = findPgBin();
if (!pgBin) {
  console.error("e2e: PostgreSQL server binaries not found (apt-get install postgresql-15, or set PG_BIN).");
  process.exit(1);
}

if (existsSync(E2E_STATE_FILE)) {
  try {
    const stale = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8"));
    if (stale.pgDir) stopPgCluster(pgBin, stale.pgDir);
  } catch (error) {
    console.error(`e2e: could not remove the previous run's cluster: ${error.message}`);
  }
  rmSync(E2E_STATE_FILE, { force: true });
}

const pg = await startPgServer(pgBin);
// A console on PostgreSQL needs the AccessKey secrets' encryption key set; the workers get it too,
// to create the AccessKeys their tests sign with.
const secretKey = randomBytes(32).toString("base64");
// /metrics answers only with this bearer token (docs/rules.md "Metrics"); the workers scrape it.
const metricsToken = randomBytes(24).toString("base64url");
mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true });
writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseUrl: pg.url, pgDir: pg.dir, secretKey, metricsToken }), { mode: 0o600 });
console.log(`e2e: PostgreSQL cluster on ${pg.url}`);

let stopped = false;
function stopDatabase() {
  if (stopped) return;
  stopped = true;
  try {
    pg.stop();
  } catch (error) {
    console.error(`e2e: stopping PostgreSQL failed: ${error.message}`);
  }
  rmSync(E2E_STATE_FILE, { force: true });
}

// The server opens (migrates and, being empty, seeds) the database itself, as on a first start.
const child = spawn(process.execPath, [...START_FLAGS, "server.mjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: process.env.PORT ?? "3100",
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: pg.url,
    DTS_DATA_DIR: "",
    DEMO_PASSWORD: "",
    DEMO_ACCESS_KEY_SECRET: "",
    DTS_SECRET_KEY: secretKey,
    METRICS_TOKEN: metricsToken,
    // The demo seed on a PostgreSQL database is only made when asked.
    DEMO: "1",
    // One trusted hop: tests that must not share the loopback client's throttle counters (the
    // hostile corpus) say which client they are in X-Forwarded-For; browsers send none, so their
    // address stays the socket's.
    TRUST_PROXY_HOPS: "1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
    else process.exit(0);
  });
}
child.on("exit", (code) => {
  stopDatabase();
  process.exit(code ?? 0);
});
