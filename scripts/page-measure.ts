import { gzipSync } from "node:zlib";

export interface PageMeasure {
  p50: number;
  p95: number;
  /** the answer's bytes as sent before compression */
  bytes: number;
  gzipBytes: number;
  /** the React Server Components payload inside the HTML (the `self.__next_f.push` scripts) */
  payloadBytes: number;
  /** `className` strings in that payload: markup rendered on the server and sent twice */
  classNames: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * One page alone: `requests` requests sent one after another (after 20 to warm up), and the size
 * of its answer. The latency is the time to the whole body, as a browser waits for it.
 */
export async function measurePage(base: string, cookie: string, pagePath: string, requests = 200): Promise<PageMeasure> {
  const get = async () => {
    // A redirect (to sign-in, a lost session) is an error, not a page to time.
    const res = await fetch(base + pagePath, { headers: { cookie, "accept-encoding": "identity" }, redirect: "manual" });
    if (!res.ok) throw new Error(`${pagePath}: ${res.status}`);
    return res.text();
  };
  for (let i = 0; i < 20; i++) await get();
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    body = await get();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const payload = [...body.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
  return {
    p50: round(times[Math.floor(times.length * 0.5)]),
    p95: round(times[Math.floor(times.length * 0.95)]),
    bytes: Buffer.byteLength(body),
    gzipBytes: gzipSync(body).length,
    payloadBytes: Buffer.byteLength(payload),
    classNames: (payload.match(/className/g) ?? []).length,
  };
}
