import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { connect } from "../../lib/db/connect";
import { DEFAULT_DEMO_PASSWORD, SEED_IDS } from "../../lib/demo";

// The demo simulation on the real endpoints: `npm start` on a fresh embedded database, simulation
// on (the default there), seen from outside as a browser sees it, then the database read after
// the server stops (PGlite belongs to one process at a time). Needs the production build.
const PORT = 3410;
const base = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "dts-sim-"));
let server: ChildProcess;
let cookie = "";

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Signs in as admin the way a browser does (next-auth's CSRF token, then the credentials form). */
async function signIn() {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ username: "admin", password: DEFAULT_DEMO_PASSWORD, csrfToken, json: "true" }).toString(),
  });
  jar.push(...res.headers.getSetCookie().map((c) => c.split(";")[0]));
  cookie = jar.join("; ");
  assert.match(cookie, /session-token=/);
}

interface Row {
  id: string;
  connected: boolean;
  checkpointAt: string | null;
}
async function groups(): Promise<Row[]> {
  const res = await fetch(`${base}/api/instances/${SEED_IDS.normal}/consumer-groups`, { headers: { cookie } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { groups: Row[] }).groups;
}

before(async () => {
  server = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DTS_DATA_DIR: dataDir,
      DATABASE_URL: "",
      DEMO_PASSWORD: "",
      DEMO_SIMULATION: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.resume();
  server.stderr?.resume();
  await waitFor("the server", async () => ((await fetch(`${base}/login`)).status === 200 ? true : undefined));
  await signIn();
});

after(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("demo simulation (npm start on the embedded database)", () => {
  it("connects simulated consumers whose checkpoints advance, records samples and audits the connects", async () => {
    const first = await waitFor("a simulated consumer", async () => {
      const live = (await groups()).find((g) => g.connected && g.checkpointAt);
      return live ? { ...live } : undefined;
    });
    const advanced = await waitFor(
      "the checkpoint to advance",
      async () => {
        const now = (await groups()).find((g) => g.id === first.id);
        return now?.checkpointAt && Date.parse(now.checkpointAt) > Date.parse(first.checkpointAt!) ? now : undefined;
      },
      60_000,
    );
    assert.equal(advanced.connected, true, "the lease is held");

    // Stop the server (it owns the data folder), then read what the simulation wrote.
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    const conn = await connect({ dataDir });
    try {
      const samples = await conn.prisma.heartbeatSample.count({ where: { groupId: first.id } });
      assert.ok(samples >= 1, `history samples for ${first.id}: ${samples}`);
      const connects = await conn.prisma.auditLog.count({
        where: { action: "connectConsumer", result: "ok", groupId: first.id, clientIp: "127.0.0.1" },
      });
      assert.ok(connects >= 1, "the simulated connect went through the audited credential check");
    } finally {
      await conn.close();
    }
  });
});
