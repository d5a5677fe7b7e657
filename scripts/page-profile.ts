// `npx tsx scripts/page-profile.ts [--page taskList|dataConsume|groupsJson|accessKeys|createAction] [--requests 300] [--database postgres://…]`:
// a CPU profile of one console page requested one at a time (createAction: the create action, each
// request a new group on its own instance of a scale data set seeded first) (the production build in .next, a
// fresh embedded database with the demo moving, or the given PostgreSQL server). Prints the
// functions and the source groups with the most self time, and leaves the .cpuprofile (open it in
// Chrome DevTools) in the printed folder. README "Benchmark": performance work starts here.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import { SEED_IDS } from "../lib/demo";
import { scaleTaskId, scaleTaskIsNormal } from "../lib/db/scale-seed";
import { actionId, callAction, signIn, startConsole } from "../test/helpers/console-http";

const { values: args } = parseArgs({
  options: { page: { type: "string", default: "dataConsume" }, requests: { type: "string", default: "300" }, database: { type: "string" } },
});
const PASSWORD = "PageProfile#2026";
const PAGES: Record<string, string> = {
  taskList: "/change-tracking?region=cn-hangzhou",
  dataConsume: `/change-tracking/${SEED_IDS.normal}/consume`,
  groupsJson: `/api/instances/${SEED_IDS.normal}/consumer-groups`,
  accessKeys: "/access-keys",
};
const dir = path.join(os.tmpdir(), `dts-page-profile-${process.pid}`);
mkdirSync(dir, { recursive: true });
const profDir = path.join(dir, "profile");
const env: Record<string, string> = args.database
  ? { DATABASE_URL: args.database, DTS_DATA_DIR: "" }
  : { DATABASE_URL: "", DTS_DATA_DIR: path.join(dir, "pglite") };
const creating = args.page === "createAction";
// The create action needs an instance with room for each request's group: 600 tasks seeded first
// (with the demo), one group each.
const instances: string[] = [];
if (creating) {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/db-seed.ts", "--tasks", "600", "--region", "cn-qingdao", "--group-instances", "0", "--audit", "0"],
    { env: { ...process.env, ...env, DEMO_PASSWORD: PASSWORD }, stdio: "inherit" },
  );
  for (let n = 1; n <= 600; n++) if (scaleTaskIsNormal(n, 0)) instances.push(scaleTaskId("cn-qingdao", n));
}
const server = await startConsole(
  { ...env, DEMO: "1", DEMO_PASSWORD: PASSWORD, NEXTAUTH_SECRET: "page-profile-secret-0123456789abcdef" },
  { nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profDir] },
);
const target = PAGES[args.page] ?? args.page;
// Only the measured loop counts: the samples of start-up, sign-in, warm-up and shutdown are left out.
let loopMs = 0;
let stopMs = 0;
try {
  const cookie = await signIn(server.url, "admin", PASSWORD);
  const createId = creating ? actionId("createConsumerGroup") : "";
  let sent = 0;
  const create = async () => {
    const instanceId = instances[sent % instances.length];
    const args = { instanceId, name: `profile-${sent++}`, account: "profile", password: "Profile#2026x", confirmPassword: "Profile#2026x" };
    const { status, result, text } = await callAction(server.url, cookie, createId, [args], `/change-tracking/${instanceId}/consume`);
    if (result?.ok !== true) throw new Error(`create: ${status} ${text.slice(0, 300)}`);
  };
  const get = creating
    ? create
    : async () => {
        await (await fetch(server.url + target, { headers: { cookie } })).arrayBuffer();
      };
  for (let i = 0; i < 30; i++) await get();
  const t0 = performance.now();
  for (let i = 0; i < Number(args.requests); i++) await get();
  loopMs = performance.now() - t0;
} finally {
  const t1 = performance.now();
  await server.stop();
  stopMs = performance.now() - t1;
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount: number;
}
const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error("no profile written");
const profile = JSON.parse(readFileSync(path.join(profDir, file), "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  endTime: number;
};
// Sample times (µs); keep those of the loop: it ended about stopMs before the profile did.
const times: number[] = [];
let at = (profile as unknown as { startTime: number }).startTime;
for (const d of profile.timeDeltas) times.push((at += d));
const loopEnd = profile.endTime - stopMs * 1000;
const samples = profile.samples.filter((_, i) => times[i] >= loopEnd - loopMs * 1000 && times[i] <= loopEnd);
const total = samples.length;
const byFn = new Map<string, number>();
const byGroup = new Map<string, number>();
// The build's chunks are minified: their source maps name the file each sample ran in.
const maps = new Map<string, SourceMap | null>();
function original(f: Node["callFrame"]): { source: string; name: string } | null {
  if (!f.url.includes("/.next/")) return null;
  if (!maps.has(f.url)) {
    const file = fileURLToPath(f.url.startsWith("file:") ? f.url : `file://${f.url}`) + ".map";
    maps.set(f.url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8")) as never) : null);
  }
  const entry: { originalSource?: string; name?: string } | undefined = maps.get(f.url)?.findEntry(f.lineNumber, f.columnNumber);
  if (!entry?.originalSource) return null;
  return { source: entry.originalSource.replace(/^.*\[project\]\//, "").replace(/^turbopack:\/\/\/?/, ""), name: entry.name ?? "" };
}
const group = (url: string) => {
  if (!url) return "(native/vm)";
  if (url.includes("pglite")) return "pglite";
  if (url.includes("/node_modules/next/")) return "next";
  if (url.includes("react-dom") || url.includes("react-server")) return "react";
  if (url.includes("@prisma") || url.includes("/generated/prisma")) return "prisma";
  if (url.includes("/.next/server/chunks") || url.includes("/.next/server/app")) return "app bundle";
  if (url.startsWith("node:")) return "node";
  return url
    .replace(/.*node_modules\//, "")
    .split("/")
    .slice(0, 2)
    .join("/");
};
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const hits = new Map<number, number>();
for (const s of samples) hits.set(s, (hits.get(s) ?? 0) + 1);
for (const [id, n] of hits) {
  const node = nodes.get(id)!;
  const f = node.callFrame;
  const o = original(f);
  const key = o
    ? `${o.name || f.functionName || "(anonymous)"} ${o.source}`
    : `${f.functionName || "(anonymous)"} ${f.url.replace(/.*\/(node_modules|\.next)\//, "$1/")}:${f.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + n);
  const g = o
    ? o.source.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, "$1").replace(/^(components|lib|app|i18n)\/.*/, "app: $1")
    : group(f.url);
  byGroup.set(g, (byGroup.get(g) ?? 0) + n);
}
const pct = (n: number) => `${((100 * n) / total).toFixed(1)}%`;
console.log(`${args.page}: ${total} samples in ${Math.round(loopMs)} ms (${(loopMs / Number(args.requests)).toFixed(1)} ms a request)`);
for (const [g, n] of [...byGroup].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(n).padStart(6)}  ${g}`);
console.log("top functions (self):");
for (const [f, n] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${pct(n).padStart(6)}  ${f}`);
console.log(`profile kept in ${profDir}`);
if (process.env.PROFILE_CLEANUP === "1") rmSync(dir, { recursive: true, force: true });
