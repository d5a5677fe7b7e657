import "server-only";
import type { Db } from "../db/connect";
import { describeForLog } from "../db/errors";
import { deliverDue, pruneDeliveries } from "./delivery";
import { evaluateAlerts } from "./evaluator";

/** How often the server evaluates alerts and sends what is due (docs/rules.md "Alert delivery"). */
export const ALERT_TICK_MS = 5_000;

/**
 * Runs the evaluator and the delivery worker on a timer beside the server, never inside a
 * request; one tick at a time. Off with DTS_ALERTS=0 (for a process that only serves pages).
 */
export function startAlertWorker(getDb: () => Promise<Db>, tickMs = ALERT_TICK_MS): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  let ticks = 0;
  // Pruning old deliveries once an hour is plenty (and the first tick).
  const pruneEvery = Math.max(1, Math.round(3_600_000 / tickMs));
  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        // Opened each tick: a database down at start or since is picked up again when back.
        const db = await getDb();
        await evaluateAlerts(db);
        await deliverDue(db);
        if (ticks++ % pruneEvery === 0) await pruneDeliveries(db);
      } catch (error) {
        console.error(`[alerts] tick failed: ${describeForLog(error)}`);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export function alertWorkerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.DTS_ALERTS !== "0";
}
