import "server-only";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { GROUP_METRICS, readAlertMetrics, readGroupMetrics, type GroupMetric } from "../data/group-metrics";
import { ALERT_RULES } from "../alerts/rules";
import type { ScrapeGrant } from "./token";

/**
 * What GET /metrics answers (docs/rules.md "Metrics"): the process's own figures (prom-client's
 * defaults, collected once per process) and each consumer group's, written by one statement per
 * scrape; the aggregates go in a registry of that scrape alone, so two scrapes never mix values.
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

// HELP text is for whoever reads the scrape: in English, like the server's logs.
const HELP: Record<GroupMetric, { help: string }> = {
  dts_consumer_group_delay_seconds: { help: "Seconds the group's consumer is behind the newest data (connected groups only)." },
  dts_consumer_group_unconsumed_records: { help: "Records not yet consumed, as the consumer reports them (connected groups only)." },
  dts_consumer_group_connected: { help: "1 while a consumer holds the group's lease, else 0." },
  dts_consumer_group_stalled: {
    help: "1 while the group is connected with a backlog and its checkpoint has not moved for the stall time, else 0.",
  },
  dts_consumer_group_checkpoint_timestamp_seconds: { help: "The group's committed checkpoint, seconds since the epoch." },
};

export async function renderMetrics(scrape: ScrapeGrant): Promise<{ contentType: string; body: string }> {
  const [groups, alerts] = await Promise.all([readGroupMetrics(scrape), readAlertMetrics(scrape)]);
  // prom-client keeps the process's metrics and the few aggregates; the per-group series (five
  // per group) come written by the database, with their HELP and TYPE lines here.
  const registry = new Registry();
  const byState = new Gauge({
    name: "dts_consumer_groups",
    help: "Consumer groups by state.",
    labelNames: ["state"],
    registers: [registry],
  });
  for (const [state, count] of Object.entries(groups.counts)) byState.set({ state }, count);
  const firing = new Gauge({ name: "dts_alerts_firing", help: "Alerts open now, by rule.", labelNames: ["rule"], registers: [registry] });
  const deliveries = new Gauge({
    name: "dts_notification_deliveries",
    help: "Notification deliveries recorded, by status (ok, failed, pending, sending).",
    labelNames: ["status"],
    registers: [registry],
  });
  for (const rule of ALERT_RULES) firing.set({ rule }, 0);
  for (const status of ["ok", "failed", "pending", "sending"]) deliveries.set({ status }, 0);
  for (const a of alerts) {
    if (a.kind === "firing") firing.set({ rule: a.label }, a.count);
    else deliveries.set({ status: a.label }, a.count);
  }
  const merged = Registry.merge([processRegistry(), registry]);
  const series = GROUP_METRICS.map((name) => {
    const lines = groups.lines[name];
    return `# HELP ${name} ${HELP[name].help}\n# TYPE ${name} gauge\n${lines ? `${lines}\n` : ""}`;
  });
  return { contentType: merged.contentType, body: `${await merged.metrics()}\n${series.join("")}` };
}
