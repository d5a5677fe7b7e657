// `npm run bench`'s "insert alone" (scripts/bench.ts runs it in a child process, on the bench's own
// database once its server has stopped: PGlite opens a folder from one process only). What the
// create action writes, without the HTTP request, the session or the hash: a new group and its audit
// record in one transaction, as runAction commits them (lib/actions/run-action.ts performAction),
// each on its own instance. Prints the p50 in ms as JSON.
// Usage: node --import tsx --import ./test/setup/register.mjs scripts/bench-insert.ts <instanceId,...>
import { createConsumerGroupSpec } from "../lib/actions/consumer-group-specs";
import { performAction } from "../lib/actions/run-action";
import { writeAudit } from "../lib/audit";
import { hashPassword } from "../lib/auth/password";
import { closeConnection } from "../lib/db";

const instances = (process.argv[2] ?? "").split(",").filter(Boolean);
if (instances.length < 10) throw new Error("bench-insert: give at least 10 instance ids");
const user = { id: "bench", username: "admin", role: "admin" as const };
const passwordHash = await hashPassword("Bench#2026x");
// The action's own spec, with the hash it would have made in `prepare` made once, here.
const spec = { ...createConsumerGroupSpec, prepare: () => Promise.resolve({ ok: true as const, data: { passwordHash } }) };
const times: number[] = [];
for (const [i, instanceId] of instances.entries()) {
  const started = performance.now();
  const result = await performAction(
    spec,
    { instanceId, name: `insert-alone-${i}`, account: "bench", password: "Bench#2026x", confirmPassword: "Bench#2026x" },
    { user, ip: null },
    (tx, target) =>
      writeAudit(tx, { username: user.username, role: user.role, action: spec.name, clientIp: null, channel: "console", ...target }),
  );
  if (!result.ok) throw new Error(`bench-insert: ${result.code} ${result.message}`);
  // The first few warm the statements up, as the action's own figure skips its first 10.
  if (i >= 5) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
await closeConnection();
console.log(JSON.stringify({ p50: Math.round(times[Math.floor(times.length / 2)] * 10) / 10, count: times.length }));
