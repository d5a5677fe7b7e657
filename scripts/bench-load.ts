// The bench's measuring tools (scripts/bench.ts): autocannon with per-request latencies, the
// server's memory from /proc, and the JavaScript a page makes a browser fetch.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { ConsoleServer } from "../test/helpers/console-http";
import { scriptsNamedBy } from "../test/helpers/page-scripts";
import type { BrowserTimes } from "./page-browser";

export interface Figures {
  p50: number;
  p95: number;
  rps: number;
  /** p95 over the floor's p95 (app/api/bench/floor: a constant behind the proxy's session check) */
  ratioP95: number;
  /**
   * p95 over the p95 of the framework route issue 16 measured its targets against: next-auth's
   * GET /api/auth/csrf (public, a new CSRF token and its cookie each time)
   */
  ratioToFrameworkRouteP95: number;
}
export type Targets =
  "floor" | "frameworkRoute" | "blankPage" | "consoleFrame" | "taskList" | "dataConsume" | "groupsJson" | "createAction";
export interface ScaleFigure {
  t1k: number;
  t100k: number;
  ratio: number;
}
export interface DbResults extends Record<Targets, Figures> {
  scale: { firstPage: ScaleFigure; search: ScaleFigure; lastPage: ScaleFigure };
  /**
   * p50 of each page requested one at a time (ms); createRefused is the create action refused by
   * its input's check (the action's path: the proxy, Next.js's action decoding, the session and
   * role, the refusal's audit record; no hash, no instance read, no group)
   */
  alone: Record<Exclude<Targets, "frameworkRoute"> | "createRefused", number>;
  /** bytes of each page's HTML as sent before compression, and gzipped */
  htmlBytes: Record<"taskList" | "dataConsume", { raw: number; gzip: number; rscPayload: number }>;
  rssAfterMiB: number;
  browser: BrowserTimes | null;
  /**
   * the create action's database work alone (scripts/bench-insert.ts: the instance's check, the
   * group's insert and its audit record in one transaction, in-process, no hash), p50 in ms; and the
   * create action alone over one argon2id hash plus that (the target: at most 1.5x)
   */
  insertAloneMs: number;
  createOverHashAndInsert: number;
  /** GET /metrics at the scale seed's groups (README "Metrics"): p50 of one scrape at a time, its size and series */
  metricsScrape: { p50Ms: number; bytes: number; groups: number };
}
export interface Extras {
  audit: Record<string, number>;
  seedSeconds: number[];
  rssWarmMiB: number;
  rssAfterMiB: number;
  peakMiB: number;
  notes: string[];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
export const mib = (kb: number) => round(kb / 1024, 0);

export function procStatus(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  return { rss: field("VmRSS"), hwm: field("VmHWM") };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

export interface Load {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A body per request (the create action's arguments). */
  body?: (i: number) => string;
  duration?: number;
}

/** How hard autocannon presses: connections at once, and seconds per target unless a target says. */
export const pressure = { connections: 20, duration: 10 };

/** Runs autocannon against one path; latencies per request (autocannon's own summary has no p95). */
export async function load(
  server: ConsoleServer,
  cookie: string,
  spec: Load,
): Promise<{ p50: number; p95: number; rps: number; non2xx: number; errors: number; okBodies: number }> {
  const latencies: number[] = [];
  let okBodies = 0;
  let i = 0;
  const options: autocannon.Options = {
    url: server.url,
    connections: pressure.connections,
    duration: spec.duration ?? pressure.duration,
    headers: { cookie, ...spec.headers },
    requests: [
      {
        method: spec.method ?? "GET",
        path: spec.path,
        ...(spec.body
          ? {
              setupRequest: (req: autocannon.Request) => ({ ...req, body: spec.body!(i++) }),
              onResponse: (_status: number, body: string) => {
                if (body.includes('{"ok":true')) okBodies++;
              },
            }
          : {}),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, res) => (error ? reject(error as Error) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: round(percentile(latencies, 0.5)),
    p95: round(percentile(latencies, 0.95)),
    rps: round(result.requests.average, 0),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    okBodies,
  };
}

export async function scriptBytes(server: ConsoleServer, cookie: string, pagePath: string): Promise<number> {
  const html = await (await fetch(server.url + pagePath, { headers: { cookie } })).text();
  let total = 0;
  const sources = scriptsNamedBy(html);
  for (const src of sources) total += gzipSync(Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer())).length;
  return total;
}

/**
 * p50 of `requests` calls made one after another, the first `warmUp` not counted; `call(i)` makes
 * the i-th request and throws if its answer is not the expected one.
 */
export async function oneAtATimeP50(requests: number, warmUp: number, call: (i: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await call(i);
    if (i >= warmUp) times.push(performance.now() - started);
  }
  return round(
    percentile(
      times.sort((a, b) => a - b),
      0.5,
    ),
  );
}

/** What one argon2id hash costs in this process (p50 of 30), beside the create action that pays for one. */
export async function hashP50Ms(hash: () => Promise<unknown>): Promise<number> {
  return oneAtATimeP50(30, 0, async () => {
    await hash();
  });
}
