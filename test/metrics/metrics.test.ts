import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, before, describe, it } from "node:test";

// Prometheus metrics (docs/rules.md "Metrics"): who may scrape, what one scrape says of each group
// (from one statement), and Debian's promtool accepting the exposition. In-memory PGlite with the
// real migrations and the demo seed; the e2e suite scrapes the production server with a real
// Prometheus (e2e/metrics.spec.ts).
process.env.DTS_DATA_DIR = "memory://";
delete process.env.DATABASE_URL;

const { getConnection } = await import("../../lib/db");
const { authorizeScrape, METRICS_TOKEN_MIN } = await import("../../lib/metrics/token");
const { renderMetrics } = await import("../../lib/metrics/registry");
const { SEED_IDS } = await import("../../lib/demo");

const TOKEN = "s3cret-metrics-token-0123456789";
let conn: Awaited<ReturnType<typeof getConnection>>;

before(async () => {
  conn = await getConnection();
});
after(async () => {
  await conn.close();
});

function grant() {
  const auth = authorizeScrape(`Bearer ${TOKEN}`, TOKEN);
  assert.ok(auth.ok);
  return auth.grant;
}

/** The sample lines of a metric, by their label sets. */
function samples(body: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of body.split("\n")) {
    const m = new RegExp(`^${name}\\{([^}]*)\\} (\\S+)$`).exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

describe("who may scrape", () => {
  it("nobody while no token is set, or one too short to be a secret", () => {
    assert.deepEqual(authorizeScrape(`Bearer ${TOKEN}`, undefined), { ok: false, status: 404 });
    assert.deepEqual(authorizeScrape(`Bearer ${TOKEN}`, ""), { ok: false, status: 404 });
    const short = "x".repeat(METRICS_TOKEN_MIN - 1);
    assert.deepEqual(authorizeScrape(`Bearer ${short}`, short), { ok: false, status: 404 });
  });

  it("only the bearer of the token", () => {
    for (const header of [
      null,
      "",
      "Bearer",
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      TOKEN,
      `Bearer  x ${TOKEN}`,
    ]) {
      assert.deepEqual(authorizeScrape(header, TOKEN), { ok: false, status: 401 }, String(header));
    }
    assert.equal(authorizeScrape(`Bearer ${TOKEN}`, TOKEN).ok, true);
    assert.equal(authorizeScrape(`bearer ${TOKEN}`, TOKEN).ok, true);
  });
});

describe("a scrape", () => {
  it("reports each group's delay, backlog, connection, stall and checkpoint with region, instance and group", async () => {
    const group = await conn.prisma.consumerGroup.findFirstOrThrow({ where: { instanceId: SEED_IDS.normal }, select: { id: true } });
    const checkpoint = new Date("2026-12-04T01:02:03.000Z");
    await conn.prisma.consumerGroup.update({
      where: { id: group.id },
      data: { messageDelaySeconds: 42, unconsumedRecords: 1234, checkpointAt: checkpoint },
    });
    const now = Date.now();
    await conn.prisma.consumerLease.upsert({
      where: { groupId: group.id },
      create: {
        groupId: group.id,
        clientId: "metrics-test",
        connectedAt: new Date(now),
        heartbeatAt: new Date(now),
        expiresAt: new Date(now + 60_000),
      },
      update: { expiresAt: new Date(now + 60_000) },
    });
    const { body, contentType } = await renderMetrics(grant());
    assert.match(contentType, /^text\/plain; version=0\.0\.4/);
    const labels = `region="cn-hangzhou",instance="${SEED_IDS.normal}",group="${group.id}"`;
    assert.equal(samples(body, "dts_consumer_group_delay_seconds").get(labels), 42);
    assert.equal(samples(body, "dts_consumer_group_unconsumed_records").get(labels), 1234);
    assert.equal(samples(body, "dts_consumer_group_connected").get(labels), 1);
    assert.equal(samples(body, "dts_consumer_group_stalled").get(labels), 0);
    assert.equal(samples(body, "dts_consumer_group_checkpoint_timestamp_seconds").get(labels), checkpoint.getTime() / 1000);
    // Every group of every region, connected or not; no delay for one without a consumer.
    const total = await conn.prisma.consumerGroup.count();
    assert.equal(samples(body, "dts_consumer_group_connected").size, total);
    const idle = await conn.prisma.consumerGroup.findFirstOrThrow({
      where: { instanceId: SEED_IDS.full, lease: null },
      select: { id: true, instanceId: true },
    });
    const idleLabels = `region="cn-hangzhou",instance="${idle.instanceId}",group="${idle.id}"`;
    assert.equal(samples(body, "dts_consumer_group_connected").get(idleLabels), 0);
    assert.equal(samples(body, "dts_consumer_group_delay_seconds").has(idleLabels), false);
    const states = samples(body, "dts_consumer_groups");
    assert.equal(
      [...states.values()].reduce((a, b) => a + b, 0),
      total,
    );
    // Alerts open by rule and deliveries by status, zero when there are none.
    assert.equal(samples(body, "dts_alerts_firing").get('rule="stalled"'), 0);
    assert.equal(samples(body, "dts_notification_deliveries").get('status="failed"'), 0);
    // The process's own figures come along.
    assert.match(body, /^process_resident_memory_bytes \d+/m);
    assert.match(body, /^nodejs_heap_size_used_bytes \d+/m);
  });

  it("counts the alerts firing and the deliveries by status", async () => {
    await conn.prisma.alertEvent.create({
      data: { instanceId: SEED_IDS.abnormal, rule: "status", value: 0, threshold: 0, detail: "Abnormal" },
    });
    const { body } = await renderMetrics(grant());
    assert.equal(samples(body, "dts_alerts_firing").get('rule="status"'), 1);
    assert.equal(samples(body, "dts_alerts_firing").get('rule="delay"'), 0);
  });

  it("passes promtool check metrics", async () => {
    const { body } = await renderMetrics(grant());
    const check = spawnSync("promtool", ["check", "metrics"], { input: body, encoding: "utf8" });
    assert.equal(check.error, undefined, "promtool is installed (npm test's pretest installs prometheus)");
    assert.equal(check.status, 0, `${check.stdout}${check.stderr}`);
  });
});
