export {};

// `npm run demo:consumer -- <account>-<groupId> <password> [console URL]`
// Plays a change-stream client: connects through the credential check, then heartbeats with a
// moving checkpoint so the Data Consume page shows consumption live. Ctrl+C disconnects.
const [user, password, base = process.env.CONSOLE_URL ?? "http://localhost:3000"] = process.argv.slice(2);
if (!user || !password) {
  console.error("usage: npm run demo:consumer -- <account>-<consumerGroupId> <password> [console URL]");
  process.exit(2);
}

async function post(path: string, payload: unknown) {
  const res = await fetch(new URL(path, base), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  const body: Record<string, unknown> = await res.json().then(
    (b: unknown) => (b && typeof b === "object" ? (b as Record<string, unknown>) : {}),
    () => ({}),
  );
  return { status: res.status, body, message: typeof body.message === "string" ? body.message : "" };
}

const connect = await post("/api/consumer/connect", { user, password });
if (connect.status !== 200) {
  console.error(`connect refused (${connect.status}): ${connect.message}`);
  process.exit(1);
}
const { groupId, leaseToken, topic, heartbeatIntervalMs } = connect.body as {
  groupId: string;
  leaseToken: string;
  topic: string;
  heartbeatIntervalMs: number;
};
console.log(`connected to ${groupId}, topic ${topic}; heartbeat every ${heartbeatIntervalMs / 1000} s`);

let backlog = 5000;
let lagMs = 60_000;
const timer = setInterval(() => void beat(), Math.min(heartbeatIntervalMs, 3000));

async function beat() {
  // Catch up: the backlog and the delay shrink, then hover near live.
  backlog = Math.max(0, Math.round(backlog * 0.6 + Math.random() * 40));
  lagMs = Math.max(500, Math.round(lagMs * 0.5 + Math.random() * 800));
  const hb = await post("/api/consumer/heartbeat", {
    groupId,
    leaseToken,
    checkpoint: new Date(Date.now() - lagMs).toISOString(),
    unconsumed: backlog,
  });
  if (hb.status !== 200) {
    console.error(`lease ended (${hb.status}): ${hb.message}`);
    clearInterval(timer);
    process.exit(1);
  }
  console.log(`checkpoint ${Math.round(lagMs / 1000)} s behind, ${backlog} unconsumed`);
}

process.on("SIGINT", () => {
  clearInterval(timer);
  void post("/api/consumer/disconnect", { groupId, leaseToken }).finally(() => {
    console.log("disconnected");
    process.exit(0);
  });
});
