// The bench's data (scripts/bench.ts): the demo plus a scale data set, seeded by the project's own
// seed script in a child process, and the task count a list page shows.
import { execFileSync } from "node:child_process";
import type { ConsoleServer } from "../test/helpers/console-http";
import { round } from "./bench-load";

/** 100,000 tasks in one region (20 groups on 1,000 of them, 1,000,000 audit records), 1,000 in another. */
export const BIG = { region: "cn-hangzhou", tasks: 100_000 };
export const SMALL = { region: "cn-qingdao", tasks: 1_000 };
export const GROUP_INSTANCES = 1000;
/** The demo users' password for the bench's server. */
export const PASSWORD = "BenchDemo#2026";

/** `npm run db:seed` in a child process (PGlite allows one process per data folder). */
function seed(env: Record<string, string>, extra: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", ...extra], {
    env: { ...process.env, DEMO_PASSWORD: PASSWORD, ...env },
    stdio: "inherit",
  });
  return round((performance.now() - started) / 1000);
}

export function seedBoth(env: Record<string, string>): number[] {
  return [
    seed(env, ["--tasks", String(BIG.tasks), "--region", BIG.region, "--group-instances", String(GROUP_INSTANCES)]),
    seed(env, ["--tasks", String(SMALL.tasks), "--region", SMALL.region, "--group-instances", "0", "--audit", "0"]),
  ];
}

export async function totalTasks(server: ConsoleServer, cookie: string, region: string): Promise<number> {
  const html = await (await fetch(`${server.url}/change-tracking?region=${region}`, { headers: { cookie } })).text();
  const match = /of ([\d,]+) tasks/.exec(html);
  if (!match) throw new Error(`no task count on the ${region} list`);
  return Number(match[1].replace(/,/g, ""));
}
