import type { Db } from "../db/connect";

/**
 * Simulated consumers for demos (docs/rules.md "Demo simulation"). Each one is an outside client
 * of the console's own consumer endpoints: it connects through the real credential check, holds
 * the group's lease by heartbeats that report an advancing checkpoint and a backlog that rises in
 * bursts and drains, now and then disconnects and comes back. The heartbeats write the history the
 * trend charts read. It runs on timers beside the server and never inside a request.
 */
export interface SimulatorOptions {
  db: Db;
  /** where the console's consumer endpoints answer, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  /** the seeded groups' password */
  password: string;
  maxConsumers?: number;
  /** instances whose consumers are played first (the demo's showcase) */
  preferInstanceIds?: readonly string[];
  tickMs?: number;
  heartbeatMs?: number;
  random?: () => number;
  log?: (message: string) => void;
}

interface Consumer {
  groupId: string;
  instanceId: string;
  user: string;
  state: "idle" | "connected" | "gone";
  token?: string;
  /** how far behind the newest data the consumer is, in ms */
  lagMs: number;
  backlog: number;
  nextAt: number;
}

export interface Simulator {
  /** how many consumers it plays */
  readonly consumers: number;
  stop(): Promise<void>;
}

const SECOND = 1000;

/** Starts the simulation; resolves once the consumers are chosen (they connect on the next ticks). */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const random = options.random ?? Math.random;
  const tickMs = options.tickMs ?? 2 * SECOND;
  const heartbeatMs = options.heartbeatMs ?? 5 * SECOND;
  const log = options.log ?? (() => undefined);
  // The seed marks the groups whose consumers are running with live figures (message delay and
  // unconsumed data); those on Normal instances are the ones played.
  const candidates = await options.db.consumerGroup.findMany({
    where: { unconsumedRecords: { not: null }, instance: { status: "Normal" } },
    select: { id: true, account: true, instanceId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  const preferred = new Set(options.preferInstanceIds ?? []);
  const groups = [
    ...candidates.filter((g) => preferred.has(g.instanceId)),
    ...candidates.filter((g) => !preferred.has(g.instanceId)),
  ].slice(0, options.maxConsumers ?? 16);
  const now = Date.now();
  const showcase = options.preferInstanceIds?.[0];
  if (showcase) await backfillDemoHistory(options.db, showcase, new Date(now));
  const consumers: Consumer[] = groups.map((g, i) => ({
    groupId: g.id,
    instanceId: g.instanceId,
    user: `${g.account}-${g.id}`,
    state: "idle",
    lagMs: 30 * SECOND,
    backlog: 1000 + Math.round(random() * 3000),
    // Spread the first connects over the first seconds.
    nextAt: now + 500 + i * 150,
  }));
  const instanceIds = [...new Set(consumers.map((c) => c.instanceId))];
  const state = { running: true, busy: false };
  // A function, not the flag itself: stop() flips it while a tick awaits.
  const stopped = () => !state.running;

  async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(new URL(path, options.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10 * SECOND),
    });
    const json: unknown = await res.json().catch(() => ({}));
    return { status: res.status, body: json && typeof json === "object" ? (json as Record<string, unknown>) : {} };
  }

  async function step(c: Consumer, at: number) {
    if (c.state === "idle") {
      const answer = await post("/api/consumer/connect", { user: c.user, password: options.password });
      if (answer.status === 200 && typeof answer.body.leaseToken === "string") {
        c.state = "connected";
        c.token = answer.body.leaseToken;
        const start = typeof answer.body.checkpoint === "string" ? Date.parse(answer.body.checkpoint) : NaN;
        // A consumer told to start further back (a checkpoint reset) has that much to catch up.
        c.lagMs = Number.isNaN(start) ? 20 * SECOND : Math.min(Math.max(at - start, SECOND), 6 * 3600 * SECOND);
        c.backlog = Math.max(c.backlog, Math.round(c.lagMs / 10));
        c.nextAt = at + SECOND;
        log(`simulated consumer ${c.user} connected`);
      } else if (answer.status === 409) {
        c.nextAt = at + 15 * SECOND; // a lease from before a restart: wait for it to lapse
      } else {
        c.state = "gone"; // its password was changed or it was deleted: not ours to play any more
        log(`simulated consumer ${c.user} stopped: ${answer.status}`);
      }
      return;
    }
    // Connected: now and then a consumer leaves for a while.
    if (random() < 0.015) {
      await post("/api/consumer/disconnect", { groupId: c.groupId, leaseToken: c.token });
      c.state = "idle";
      c.token = undefined;
      c.nextAt = at + (20 + random() * 25) * SECOND;
      return;
    }
    if (random() < 0.12) {
      // A burst of changes upstream: the backlog jumps, the consumer falls behind.
      c.backlog += 2000 + Math.round(random() * 8000);
      c.lagMs += (10 + random() * 50) * SECOND;
    } else {
      c.backlog = Math.round(c.backlog * (0.45 + random() * 0.25) + random() * 60);
      c.lagMs = Math.max(300 + random() * 1200, c.lagMs * (0.4 + random() * 0.25));
    }
    const answer = await post("/api/consumer/heartbeat", {
      groupId: c.groupId,
      leaseToken: c.token,
      checkpoint: new Date(at - c.lagMs).toISOString(),
      unconsumed: c.backlog,
    });
    if (answer.status === 200) c.nextAt = at + heartbeatMs * (0.8 + random() * 0.4);
    else {
      // The lease ended (a password reset, a restart): connect again.
      c.state = "idle";
      c.token = undefined;
      c.nextAt = at + 3 * SECOND;
    }
  }

  async function tick() {
    if (!state.running || state.busy) return;
    state.busy = true;
    try {
      const at = Date.now();
      // The instances keep receiving changes: their data range ends now.
      if (instanceIds.length)
        await options.db.instance.updateMany({ where: { id: { in: instanceIds }, status: "Normal" }, data: { dataEndAt: new Date(at) } });
      for (const c of consumers) {
        if (stopped()) break;
        if (c.state === "gone" || c.nextAt > at) continue;
        try {
          await step(c, at);
        } catch {
          // The server is not listening yet, or is busy: try again shortly.
          c.nextAt = at + 3 * SECOND;
        }
      }
    } catch (error) {
      log(`simulation tick failed: ${(error as Error).message}`);
    } finally {
      state.busy = false;
    }
  }

  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();

  return {
    consumers: consumers.length,
    async stop() {
      state.running = false;
      clearInterval(timer);
      await Promise.allSettled(
        consumers
          .filter((c) => c.state === "connected")
          .map((c) => post("/api/consumer/disconnect", { groupId: c.groupId, leaseToken: c.token })),
      );
    },
  };
}

/**
 * The showcase instance's played groups get six days of minute averages before the last 24 hours
 * (docs/rules.md "Demo simulation"), once: a daily swell with bursts, so that the Monitoring tab's
 * 7-day range shows a demo's history from the first minute. It ends where the 10-second samples
 * begin, so no minute is both invented and measured. One statement.
 */
export async function backfillDemoHistory(db: Db, instanceId: string, now: Date): Promise<number> {
  const end = new Date(Math.floor((now.getTime() - 24 * 3_600_000) / 60_000) * 60_000 - 60_000);
  return db.$executeRaw`
    INSERT INTO "heartbeat_minute" ("group_id", "at", "message_delay_seconds", "unconsumed_records")
    SELECT g."id", m."at",
           CAST(20 + 15 * (1 + sin(EXTRACT(EPOCH FROM m."at") / 86400 * 2 * pi() + length(g."id") + ascii(right(g."id", 1))))
                + CASE WHEN (EXTRACT(EPOCH FROM m."at") / 60)::bigint % 360 < 25 THEN 240 - 9 * ((EXTRACT(EPOCH FROM m."at") / 60)::bigint % 360) ELSE 0 END
                + abs(hashtext(g."id" || m."at"::text)) % 8 AS INTEGER),
           CAST(800 + 600 * (1 + sin(EXTRACT(EPOCH FROM m."at") / 86400 * 2 * pi() + ascii(right(g."id", 1))))
                + CASE WHEN (EXTRACT(EPOCH FROM m."at") / 60)::bigint % 360 < 25 THEN 6000 - 230 * ((EXTRACT(EPOCH FROM m."at") / 60)::bigint % 360) ELSE 0 END
                + abs(hashtext(m."at"::text || g."id")) % 200 AS INTEGER)
      FROM "consumer_group" g
     CROSS JOIN generate_series(${new Date(end.getTime() - 6 * 86_400_000)}::timestamp, ${end}::timestamp, interval '1 minute') AS m("at")
     WHERE g."instance_id" = ${instanceId} AND g."unconsumed_records" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "heartbeat_minute" h JOIN "consumer_group" o ON o."id" = h."group_id" WHERE o."instance_id" = ${instanceId})
    ON CONFLICT ("group_id", "at") DO NOTHING`;
}

/** Whether the simulation runs: on the embedded demo database unless DEMO_SIMULATION=0; on PostgreSQL only with DEMO_SIMULATION=1. */
export function simulationEnabled(env: Record<string, string | undefined> = process.env): boolean {
  if (env.DEMO_SIMULATION === "0") return false;
  if (env.DEMO_SIMULATION === "1") return true;
  return !env.DATABASE_URL;
}
