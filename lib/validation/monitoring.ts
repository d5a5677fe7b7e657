import { z } from "./zod";
import { first } from "./url-params";

/**
 * The Monitoring tab's ranges (docs/rules.md "Consumer history"): each read as about 300 to 360
 * points, the highest delay and backlog of each step. The last hour reads every 10-second sample;
 * the 7 days reach into the minute averages.
 */
export const MONITOR_RANGES = {
  "1h": { ms: 3_600_000, stepMs: 10_000 },
  "6h": { ms: 6 * 3_600_000, stepMs: 60_000 },
  "24h": { ms: 24 * 3_600_000, stepMs: 5 * 60_000 },
  "7d": { ms: 7 * 24 * 3_600_000, stepMs: 30 * 60_000 },
} as const;
export type MonitorRange = keyof typeof MONITOR_RANGES;
export const MONITOR_RANGE_KEYS = Object.keys(MONITOR_RANGES) as MonitorRange[];
export const DEFAULT_MONITOR_RANGE: MonitorRange = "1h";

/** The tab's URL: `?range=`, a hand-edited bad value falling back to the last hour. */
export const monitoringQuerySchema = z.object({
  range: z
    .preprocess(first, z.enum(MONITOR_RANGE_KEYS as [MonitorRange, ...MonitorRange[]]).default(DEFAULT_MONITOR_RANGE))
    .catch(DEFAULT_MONITOR_RANGE),
});

export function monitoringHref(instanceId: string, range: MonitorRange): string {
  return range === DEFAULT_MONITOR_RANGE
    ? `/change-tracking/${instanceId}/monitoring`
    : `/change-tracking/${instanceId}/monitoring?range=${range}`;
}
