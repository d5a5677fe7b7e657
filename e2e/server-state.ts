import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What scripts/e2e-server.mjs tells the Playwright workers about the server it started: the
 * throwaway PostgreSQL cluster's URL (the tests seed their own data through it), its folder (so a
 * run killed before it could stop the cluster is cleaned up by the next one) and the server's
 * DTS_SECRET_KEY (the tests encrypt the AccessKeys they create with it) and METRICS_TOKEN.
 * Gitignored.
 */
export const E2E_STATE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", ".data", "e2e", "server.json");

export interface E2EServerState {
  databaseUrl: string;
  pgDir: string;
  secretKey: string;
  /** the server's METRICS_TOKEN: /metrics answers only with it */
  metricsToken: string;
}

export function readServerState(): E2EServerState {
  try {
    return JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as E2EServerState;
  } catch (error) {
    throw new Error(
      `No e2e server state at ${E2E_STATE_FILE}: the suite's webServer (scripts/e2e-server.mjs) did not start. ${(error as Error).message}`,
    );
  }
}
