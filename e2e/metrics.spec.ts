import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../test/helpers/console-http";
import { addLiveConsumer, ANONYMOUS, expect, test } from "./fixtures";
import { readServerState } from "./server-state";

// GET /metrics on the production server (docs/rules.md "Metrics"): refused without the token, and
// scraped by a real Prometheus (Debian's, started here on a free port), whose query API then
// answers the delay of a group this test connected.

test.use({ storageState: ANONYMOUS });

test("Prometheus scrapes the console with its token and answers a group's delay", async ({ request, db, createInstance, baseURL }) => {
  test.setTimeout(90_000);
  const { metricsToken } = readServerState();
  expect((await request.get("/metrics")).status()).toBe(401);
  expect((await request.get("/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } })).status()).toBe(401);

  const instance = await createInstance({ groups: 1 });
  const [group] = instance.groups;
  await addLiveConsumer(db, group.id, { delay: 77, unconsumed: 5 });

  const scraped = await request.get("/metrics", { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(scraped.status()).toBe(200);
  expect(scraped.headers()["cache-control"]).toContain("no-store");
  expect(await scraped.text()).toContain(
    `dts_consumer_group_delay_seconds{region="${instance.regionId}",instance="${instance.id}",group="${group.id}"} 77`,
  );

  const dir = mkdtempSync(path.join(tmpdir(), "dts-prometheus-"));
  const port = await freePort();
  const target = new URL(baseURL ?? "http://127.0.0.1:3100").host;
  // README "Metrics": the scrape configuration this documents.
  writeFileSync(path.join(dir, "token"), metricsToken, { mode: 0o600 });
  writeFileSync(
    path.join(dir, "prometheus.yml"),
    [
      "global:",
      "  scrape_interval: 1s",
      "scrape_configs:",
      "  - job_name: dts-console",
      "    metrics_path: /metrics",
      // The console's `instance` label (the change tracking instance) is kept, not Prometheus's target.
      "    honor_labels: true",
      "    authorization:",
      "      type: Bearer",
      `      credentials_file: ${path.join(dir, "token")}`,
      "    static_configs:",
      `      - targets: ["${target}"]`,
      "",
    ].join("\n"),
  );
  const prometheus = spawn(
    "prometheus",
    [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  prometheus.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    const query = `dts_consumer_group_delay_seconds{group="${group.id}"}`;
    await expect
      .poll(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(query)}`).catch(() => null);
          if (!res?.ok) return `not up: ${log.slice(-500)}`;
          const body = (await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
          const [first] = body.data.result;
          return first ? { instance: first.metric.instance, value: first.value[1] } : null;
        },
        { timeout: 60_000, intervals: [500], message: "Prometheus answers the delay the console reports" },
      )
      .toEqual({ instance: instance.id, value: "77" });
  } finally {
    prometheus.kill("SIGTERM");
    await new Promise((resolve) => prometheus.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
