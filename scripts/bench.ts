// `npm run bench [-- --duration 10 --connections 20 --only pglite|postgres --reuse-data]`
//
// The production server (`node server.mjs`, the build in .next) under autocannon, on PGlite and on
// a throwaway PostgreSQL server, each loaded with the demo plus a scale data set (100,000 tasks in
// cn-hangzhou with 20 groups on 1,000 of them and 1,000,000 audit records; 1,000 tasks in
// cn-qingdao). Each target runs beside the floor (a route handler returning a constant) and is
// given as p50, p95, requests per second and p95 / floor p95; the scale figures compare the same
// pages at 1,000 and 100,000 tasks; the JavaScript that opens Data Consume is compared with a bare
// page; the server's resident memory is read from /proc. Writes bench/results.json and prints a
// table. Figures only: nothing here asserts a time (README "Benchmark").
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SEED_IDS } from "../lib/demo";
import { scaleTaskId, scaleTaskIsNormal } from "../lib/db/scale-seed";
import { findPgBin, startPgServer, type PgServer } from "../test/pg-server";
import { actionId, callAction, signIn, startConsole, type ActionResultJson } from "../test/helpers/console-http";
import { hashPassword } from "../lib/auth/password";
import {
  hashP50Ms,
  load,
  mib,
  pressure,
  procStatus,
  round,
  scriptBytes,
  type DbResults,
  type Extras,
  oneAtATimeP50,
  type Figures,
  type Load,
  type Targets,
} from "./bench-load";
import { BIG, GROUP_INSTANCES, PASSWORD, SMALL, seedBoth, totalTasks } from "./bench-data";
import { printReport } from "./bench-report";
import { measureBrowser, type BrowserTimes } from "./page-browser";
import { measurePage } from "./page-measure";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    only: { type: "string" },
    "reuse-data": { type: "boolean", default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
pressure.connections = CONNECTIONS;
pressure.duration = DURATION;
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const METRICS_TOKEN = "bench-metrics-token-0123456789abcdef";
const CACHE = path.resolve(".data", "bench", "pglite-seeded");

async function runDatabase(
  kind: "pglite" | "postgres",
  js: { consume?: number; bare?: number },
): Promise<{ results: DbResults; extras: Extras }> {
  const notes: string[] = [];
  let pg: PgServer | undefined;
  let dataDir = "";
  let env: Record<string, string>;
  let seedSeconds: number[] = [];
  if (kind === "postgres") {
    const bin = findPgBin();
    if (!bin) throw new Error("PostgreSQL server binaries are needed (apt-get install postgresql-15)");
    pg = await startPgServer(bin);
    env = { DATABASE_URL: pg.url, DTS_DATA_DIR: "" };
    seedSeconds = seedBoth(env);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "dts-bench-pglite-"));
    if (args["reuse-data"] && existsSync(CACHE)) {
      cpSync(CACHE, dataDir, { recursive: true });
      notes.push("PGlite data copied from an earlier run's seed (--reuse-data)");
    } else {
      seedSeconds = seedBoth({ DTS_DATA_DIR: dataDir, DATABASE_URL: "" });
      if (args["reuse-data"]) {
        rmSync(CACHE, { recursive: true, force: true });
        mkdirSync(path.dirname(CACHE), { recursive: true });
        cpSync(dataDir, CACHE, { recursive: true });
      }
    }
    env = { DTS_DATA_DIR: dataDir, DATABASE_URL: "" };
  }
  const server = await startConsole(
    { ...env, DEMO_PASSWORD: PASSWORD, NEXTAUTH_SECRET: SECRET, DTS_SEED: "off", METRICS_TOKEN },
    { timeoutMs: 180_000 },
  );
  const pid = server.process.pid!;
  try {
    const cookie = await signIn(server.url, "admin", PASSWORD);
    const createId = actionId("createConsumerGroup");
    const consume = `/change-tracking/${SEED_IDS.full}/consume`;
    const bigTotal = await totalTasks(server, cookie, BIG.region);
    const smallTotal = await totalTasks(server, cookie, SMALL.region);
    const normals = Array.from({ length: BIG.tasks - GROUP_INSTANCES }, (_, k) => k + GROUP_INSTANCES + 1)
      .filter((n) => scaleTaskIsNormal(n, GROUP_INSTANCES))
      .map((n) => scaleTaskId(BIG.region, n));
    const targets: Record<Targets, Load> = {
      floor: { path: "/api/bench/floor" },
      // Issue 16's own reference for its p95 targets (next-auth's CSRF route; heavier than the floor).
      frameworkRoute: { path: "/api/auth/csrf" },
      // What any page and any console page cost before they show anything (README "Benchmark").
      blankPage: { path: "/bench/blank" },
      consoleFrame: { path: "/bench/frame" },
      taskList: { path: `/change-tracking?region=${BIG.region}` },
      dataConsume: { path: consume },
      groupsJson: { path: `/api/instances/${SEED_IDS.full}/consumer-groups` },
      createAction: {
        path: `/change-tracking/${normals[0]}/consume`,
        method: "POST",
        headers: { "next-action": createId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: server.url },
        // A new group on a different Normal instance each time, so every create succeeds (the quota is 20 each).
        body: (i) =>
          JSON.stringify([
            {
              instanceId: normals[i % normals.length],
              name: `bench-${kind}-${i}`,
              account: "bench",
              password: "Bench#2026x",
              confirmPassword: "Bench#2026x",
            },
          ]),
      },
    };
    const scalePaths = (region: string, total: number) => ({
      firstPage: `/change-tracking?region=${region}`,
      search: `/change-tracking?region=${region}&q=99`,
      lastPage: `/change-tracking?region=${region}&page=${Math.max(1, Math.ceil(total / 10))}`,
    });
    const auditPaths = {
      "/audit": "/audit",
      "?action=signOut": "/audit?action=signOut",
      "?user=zhang": "/audit?user=zhang",
      "?instance=<id>": `/audit?instance=${scaleTaskId(BIG.region, 7)}`,
      "?result=refused": "/audit?result=refused",
      "?from&to (a week)": "/audit?from=2026-10-01&to=2026-10-07",
    };
    // Warm-up under load, every path (the JIT, PGlite's WebAssembly tiering up, the database's buffers).
    const warm = [
      ...Object.values(targets)
        .filter((t) => t.method !== "POST")
        .map((t) => t.path),
      ...Object.values(scalePaths(BIG.region, bigTotal)),
      ...Object.values(scalePaths(SMALL.region, smallTotal)),
      ...Object.values(auditPaths),
    ];
    for (const p of warm) await load(server, cookie, { path: p, duration: 1.5 });
    const rssWarm = procStatus(pid).rss;
    const alone = {} as DbResults["alone"];
    const htmlBytes = {} as DbResults["htmlBytes"];
    for (const [name, p] of Object.entries({
      floor: targets.floor.path,
      blankPage: targets.blankPage.path,
      consoleFrame: targets.consoleFrame.path,
      taskList: targets.taskList.path,
      dataConsume: consume,
      groupsJson: targets.groupsJson.path,
    }) as [keyof DbResults["alone"], string][]) {
      const m = await measurePage(server.url, cookie, p, 100);
      alone[name] = m.p50;
      if (name === "taskList" || name === "dataConsume") htmlBytes[name] = { raw: m.bytes, gzip: m.gzipBytes, rscPayload: m.payloadBytes };
      console.log(`${kind}: ${name} alone p50 ${m.p50} ms, ${m.bytes} B (${m.gzipBytes} B gzipped)`);
    }
    // The create action alone, one at a time, beside one argon2id hash (argon2idHashP50Ms): each
    // request hashes one password and inserts one group, on instances the load below does not use.
    // The create action alone, one at a time, beside one argon2id hash (argon2idHashP50Ms): each
    // request hashes one password and inserts one group, on instances the load below does not use.
    const spec = targets.createAction;
    const post = async (args: object, expect: (result: ActionResultJson | undefined) => boolean, what: string) => {
      const { status, result, text } = await callAction(server.url, cookie, createId, [args], spec.path);
      if (!expect(result)) throw new Error(`${what}: ${status} ${text.slice(0, 300)}`);
    };
    const argsOf = (i: number) => (JSON.parse(spec.body!(i)) as [object])[0];
    alone.createAction = await oneAtATimeP50(60, 10, (i) =>
      post({ ...argsOf(normals.length - 1 - i), name: `alone-${kind}-${i}` }, (result) => result?.ok === true, "create alone"),
    );
    console.log(`${kind}: createAction alone p50 ${alone.createAction} ms`);
    // The same request refused by its input's check (an empty name): the action's own path.
    alone.createRefused = await oneAtATimeP50(60, 10, (i) =>
      post({ ...argsOf(i), name: "" }, (result) => result?.ok === false && !!result.code?.startsWith("InvalidParameter"), "create refused"),
    );
    console.log(`${kind}: createAction refused by its input's check, alone p50 ${alone.createRefused} ms`);
    // Prometheus's scrape, one at a time: every group of every region in one statement.
    let body = "";
    const scrapeP50 = await oneAtATimeP50(25, 5, async () => {
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      body = await res.text();
      if (res.status !== 200) throw new Error(`metrics: ${res.status} ${body.slice(0, 200)}`);
    });
    const groups = body.split("\n").filter((line) => line.startsWith("dts_consumer_group_connected{")).length;
    const metricsScrape: DbResults["metricsScrape"] = { p50Ms: scrapeP50, bytes: Buffer.byteLength(body), groups };
    console.log(`${kind}: metrics scrape p50 ${metricsScrape.p50Ms} ms, ${metricsScrape.bytes} B, ${groups} groups`);
    let browser: BrowserTimes | null = null;
    try {
      browser = await measureBrowser(server.url, cookie, SEED_IDS.full, BIG.region);
      console.log(`${kind}: browser ${JSON.stringify(browser)}`);
    } catch (error) {
      notes.push(`browser timings not taken: ${(error as Error).message.split("\n")[0]}`);
    }
    if (kind === "pglite") {
      js.consume = await scriptBytes(server, cookie, consume);
      // A bare page of the same app: the root layout and the not-found page, nothing else.
      js.bare = await scriptBytes(server, cookie, "/bench-bare-page");
    }

    const measured = {} as Record<Targets, Awaited<ReturnType<typeof load>>>;
    for (const name of Object.keys(targets) as Targets[]) {
      process.stdout.write(`${kind}: ${name}… `);
      measured[name] = await load(server, cookie, targets[name]);
      const m = measured[name];
      console.log(
        `p50 ${m.p50} ms, p95 ${m.p95} ms, ${m.rps} req/s${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ""}${name === "createAction" ? `, ${m.okBodies} created` : ""}`,
      );
      if (m.non2xx || m.errors) notes.push(`${name}: ${m.non2xx} non-2xx answers, ${m.errors} errors/timeouts`);
    }
    const floorP95 = measured.floor.p95 || 1;
    const figures = Object.fromEntries(
      (Object.keys(measured) as Targets[]).map((name) => [
        name,
        {
          p50: measured[name].p50,
          p95: measured[name].p95,
          rps: measured[name].rps,
          ratioP95: round(measured[name].p95 / floorP95, 2),
          ratioToFrameworkRouteP95: round(measured[name].p95 / (measured.frameworkRoute.p95 || 1), 2),
        },
      ]),
    ) as Record<Targets, Figures>;

    const small = scalePaths(SMALL.region, smallTotal);
    const big = scalePaths(BIG.region, bigTotal);
    const scale = {} as DbResults["scale"];
    const short = Math.max(3, DURATION / 2);
    for (const key of ["firstPage", "search", "lastPage"] as const) {
      const a = await load(server, cookie, { path: small[key], duration: short });
      const b = await load(server, cookie, { path: big[key], duration: short });
      scale[key] = { t1k: a.p50, t100k: b.p50, ratio: round(b.p50 / (a.p50 || 1), 2) };
      console.log(`${kind}: ${key} p50 ${a.p50} ms at ${smallTotal} tasks, ${b.p50} ms at ${bigTotal} tasks`);
    }
    // The audit log at 1,000,000 records with its filters (printed; not part of results.json's shape).
    const audit: Record<string, number> = {};
    for (const [label, p] of Object.entries(auditPaths)) audit[label] = (await load(server, cookie, { path: p, duration: short })).p50;
    console.log(
      `${kind}: audit log p50 ${Object.entries(audit)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(", ")}`,
    );
    const after = procStatus(pid);
    // The create action's database work alone, in a process of its own on the same database once
    // the server is gone (PGlite opens a folder from one process), on instances nothing used yet.
    await server.stop();
    const insertAloneMs = insertAlone(env, normals.slice(normals.length - 180, normals.length - 100));
    const createOverHashAndInsert = round(alone.createAction / (hashP50 + insertAloneMs), 2);
    console.log(`${kind}: insert alone p50 ${insertAloneMs} ms; create alone ${createOverHashAndInsert}x (hash + insert)`);
    return {
      results: {
        ...figures,
        scale,
        alone,
        htmlBytes,
        rssAfterMiB: mib(after.rss),
        browser,
        metricsScrape,
        insertAloneMs,
        createOverHashAndInsert,
      },
      extras: { seedSeconds, rssWarmMiB: mib(rssWarm), rssAfterMiB: mib(after.rss), peakMiB: mib(after.hwm), notes, audit },
    };
  } catch (error) {
    console.error(server.output().slice(-3000));
    throw error;
  } finally {
    await server.stop();
    pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** scripts/bench-insert.ts's p50 on the given instances, with the server's database settings. */
function insertAlone(env: Record<string, string>, instances: string[]): number {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "--import", "./test/setup/register.mjs", "scripts/bench-insert.ts", instances.join(",")],
    { env: { ...process.env, ...env, DTS_SEED: "off" }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return (JSON.parse(out.trim().split("\n").pop()!) as { p50: number }).p50;
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build: running `next build` first.");
  execFileSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
}
const machine = {
  cpu: os.cpus()[0]?.model.trim() ?? "unknown",
  cores: os.cpus().length,
  memoryGiB: round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  server: "node server.mjs (next start), one process",
};
const hashP50 = await hashP50Ms(() => hashPassword("Bench#2026x"));
const js: { consume?: number; bare?: number } = {};
const kinds = (["pglite", "postgres"] as const).filter((k) => !args.only || args.only === k);
const out: Partial<Record<"pglite" | "postgres", { results: DbResults; extras: Extras }>> = {};
for (const kind of kinds) out[kind] = await runDatabase(kind, js);

const results = {
  machine: { ...machine, loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)) },
  pglite: out.pglite?.results ?? null,
  postgres: out.postgres?.results ?? null,
  argon2idHashP50Ms: hashP50,
  js: { dataConsumeGzip: js.consume ?? 0, barePageGzip: js.bare ?? 0, ratio: js.consume && js.bare ? round(js.consume / js.bare, 2) : 0 },
  memory: {
    pgliteRssMiB: out.pglite?.extras.rssAfterMiB ?? 0,
    postgresRssMiB: out.postgres?.extras.rssAfterMiB ?? 0,
    peakMiB: Math.max(out.pglite?.extras.peakMiB ?? 0, out.postgres?.extras.peakMiB ?? 0),
  },
};
mkdirSync("bench", { recursive: true });
writeFileSync(path.join("bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

printReport(kinds, out, machine, results);
console.log("\nWrote bench/results.json");
// autocannon's workers and the test helpers leave nothing that should keep the process alive.
process.exit(0);
