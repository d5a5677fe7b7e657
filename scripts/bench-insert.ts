// `npm run bench`'s "insert alone" (scripts/bench.ts runs it in a child process, on the bench's own
// database once its server has stopped: PGlite opens a folder from one process only). The create
// action's database work without the HTTP request, the session or the hash: the instance's check,
// then a new group and its audit record in one transaction, as runAction performs them
// (lib/actions/run-action.ts performAction), each on its own instance. Prints the p50 in ms as JSON.
// A process of its own starts cold: the first 20 warm it (the server's figure comes after its load).
// Usage: node --import tsx --import ./test/setup/register.mjs scripts/bench-insert.ts <instanceId,...>
import { createConsumerGroupSpec, prepareCreate } from "../lib/actions/consumer-group-specs";
import { performAction } from "../lib/actions/run-action";
import { writeAudit } from "../lib/audit";
import { hashPassword } from "../lib/auth/password";
import { closeConnection } from "../lib/db";
import { oneAtATimeP50 } from "./bench-load";

const instances = (process.argv[2] ?? "").split(",").filter(Boolean);
const WARM = 20;
if (instances.length < WARM + 20) throw new Error(`bench-insert: give at least ${WARM + 20} instance ids`);
const user = { id: "bench", username: "admin", role: "admin" as const };
const passwordHash = await hashPassword("Bench#2026x");
// The action's own spec and preparation, with the hash made once, here.
const spec = {
  ...createConsumerGroupSpec,
  prepare: (input: Parameters<typeof prepareCreate>[0]) => prepareCreate(input, () => Promise.resolve(passwordHash)),
};
const p50 = await oneAtATimeP50(instances.length, WARM, async (i) => {
  const result = await performAction(
    spec,
    { instanceId: instances[i], name: `insert-alone-${i}`, account: "bench", password: "Bench#2026x", confirmPassword: "Bench#2026x" },
    { user, ip: null },
    (tx, target) =>
      writeAudit(tx, { username: user.username, role: user.role, action: spec.name, clientIp: null, channel: "console", ...target }),
  );
  if (!result.ok) throw new Error(`bench-insert: ${result.code} ${result.message}`);
});
await closeConnection();
console.log(JSON.stringify({ p50, count: instances.length - WARM }));
