// `npx tsx scripts/page-cost.ts [--requests 200]`: what one console page costs, alone, on a fresh
// embedded database with the demo moving (the production build in .next). For each page: its HTML
// (bytes, and how much of it is the React Server Components payload), and the latency of requests
// sent one at a time. `--extra /a,/b` measures more paths beside them; `--no-browser` skips the
// browser timings. Figures only; `npm run bench` folds the same measures into its results.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SEED_IDS } from "../lib/demo";
import { signIn, startConsole } from "../test/helpers/console-http";
import { measureBrowser } from "./page-browser";
import { measurePage } from "./page-measure";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "200" },
    database: { type: "string" },
    extra: { type: "string" },
    "no-browser": { type: "boolean", default: false },
  },
});
const PASSWORD = "PageCost#2026";
const dir = mkdtempSync(path.join(os.tmpdir(), "dts-page-cost-"));
const env: Record<string, string> = args.database
  ? { DATABASE_URL: args.database, DTS_DATA_DIR: "" }
  : { DATABASE_URL: "", DTS_DATA_DIR: path.join(dir, "pglite") };
const server = await startConsole({ ...env, DEMO: "1", DEMO_PASSWORD: PASSWORD, NEXTAUTH_SECRET: "page-cost-secret-0123456789abcdef" });
try {
  const cookie = await signIn(server.url, "admin", PASSWORD);
  const pages = {
    floor: "/api/auth/csrf",
    taskList: "/change-tracking?region=cn-hangzhou",
    dataConsume: `/change-tracking/${SEED_IDS.normal}/consume`,
    groupsJson: `/api/instances/${SEED_IDS.normal}/consumer-groups`,
    ...Object.fromEntries((args.extra?.split(",") ?? []).map((p) => [p, p])),
  };
  for (const [name, p] of Object.entries(pages)) {
    const m = await measurePage(server.url, cookie, p, Number(args.requests));
    console.log(
      `${name.padEnd(12)} p50 ${m.p50} ms  p95 ${m.p95} ms  HTML ${m.bytes} B (RSC payload ${m.payloadBytes} B, ${m.classNames} className)  gzip ${m.gzipBytes} B`,
    );
  }
  if (!args["no-browser"])
    console.log("browser", await measureBrowser(server.url, cookie, process.env.BROWSER_INSTANCE ?? SEED_IDS.normal, "cn-hangzhou", 5));
  const status = (await import("node:fs")).readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  console.log(`server RSS ${Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)} MiB`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
