// A console process that dies in the middle of a create (test/db/database-faults.test.ts): it
// creates one group to completion, then starts a second through the real create steps
// (performAction, as runAction performs them) and, inside that transaction (group inserted,
// counter moved, audit written), tells the parent and waits to be killed.
import { getConnection } from "../../lib/db";
import { createConsumerGroupSpec } from "../../lib/actions/consumer-group-specs";
import { performAction } from "../../lib/actions/run-action";
import { writeAudit } from "../../lib/audit";

const instanceId = process.env.TARGET_INSTANCE ?? "";
const input = (name: string) => ({ instanceId, name, account: "killed", password: "Killed#123", confirmPassword: "Killed#123" });
const user = { id: "u-op", username: "operator", role: "operator" as const };

await getConnection();
const ctx = { user, ip: null };
const committed = await performAction(createConsumerGroupSpec, input("committed-before-kill"), ctx, (tx, target) =>
  writeAudit(tx, { username: user.username, role: user.role, action: "createConsumerGroup", ...target }),
);
if (!committed.ok) throw new Error(JSON.stringify(committed));
await performAction(createConsumerGroupSpec, input("killed-mid-create"), ctx, async (tx, target) => {
  await writeAudit(tx, { username: user.username, role: user.role, action: "createConsumerGroup", ...target });
  process.send?.({ inside: target.groupId });
  // Keeps the process alive (PGlite leaves nothing pending) until the parent kills it.
  setInterval(() => {}, 60_000);
  await new Promise(() => {});
});
