import "server-only";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { readGroupMetrics } from "../data/group-metrics";
import type { ScrapeGrant } from "./token";

/**
 * What GET /metrics answers (docs/rules.md "Metrics"): the process's own figures (prom-client's
 * defaults, collected once per process) and each consumer group's, read in one statement per
 * scrape into a registry of that scrape alone, so two scrapes at once never mix their values.
 */

const PROCESS = Symbol.for("dts-console.metrics.process");
type Holder = { [PROCESS]?: Registry };

function processRegistry(): Registry {
  const holder = globalThis as Holder;
  let registry = holder[PROCESS];
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
    // Gauges named like counters, which promtool's lint refuses; each is the sum of a gauge kept
    // beside it by type (nodejs_active_handles{type=…}).
    for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"])
      registry.removeSingleMetric(name);
    holder[PROCESS] = registry;
  }
  return registry;
}

const LABELS = ["region", "instance", "group"] as const;

export async function renderMetrics(scrape: ScrapeGrant): Promise<{ contentType: string; body: string }> {
  const rows = await readGroupMetrics(scrape);
  const registry = new Registry();
  // HELP text is for whoever reads the scrape: in English, like the server's logs.
  const gauge = (metric: { name: string; help: string }) => new Gauge({ ...metric, labelNames: LABELS, registers: [registry] });
  const delay = gauge({
    name: "dts_consumer_group_delay_seconds",
    help: "Seconds the group's consumer is behind the newest data (connected groups only).",
  });
  const unconsumed = gauge({
    name: "dts_consumer_group_unconsumed_records",
    help: "Records not yet consumed, as the consumer reports them (connected groups only).",
  });
  const connected = gauge({ name: "dts_consumer_group_connected", help: "1 while a consumer holds the group's lease, else 0." });
  const stalled = gauge({
    name: "dts_consumer_group_stalled",
    help: "1 while the group is connected with a backlog and its checkpoint has not moved for the stall time, else 0.",
  });
  const checkpoint = gauge({
    name: "dts_consumer_group_checkpoint_timestamp_seconds",
    help: "The group's committed checkpoint, seconds since the epoch.",
  });
  const byState = new Gauge({
    name: "dts_consumer_groups",
    help: "Consumer groups by state.",
    labelNames: ["state"],
    registers: [registry],
  });
  const states = { connected: 0, stalled: 0, idle: 0 };
  for (const r of rows) {
    const labels = { region: r.region, instance: r.instance, group: r.group };
    connected.set(labels, r.connected ? 1 : 0);
    stalled.set(labels, r.stalled ? 1 : 0);
    if (r.delaySeconds !== null) delay.set(labels, r.delaySeconds);
    if (r.unconsumedRecords !== null) unconsumed.set(labels, r.unconsumedRecords);
    if (r.checkpointSeconds !== null) checkpoint.set(labels, r.checkpointSeconds);
    states[r.stalled ? "stalled" : r.connected ? "connected" : "idle"] += 1;
  }
  for (const [state, count] of Object.entries(states)) byState.set({ state }, count);
  const merged = Registry.merge([processRegistry(), registry]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
