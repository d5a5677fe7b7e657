import assert from "node:assert/strict";
import { runAction } from "../../lib/actions/run-action";
import { createConsumerGroupSpec } from "../../lib/actions/consumer-group-specs";
import { getConnection } from "../../lib/db";
import { createInstance } from "../../e2e/data";

const admin = { id: "u-admin", username: "admin", role: "admin" as const };
let made = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++made}`;

/**
 * A maker of fresh consumer groups, created through the action as an admin would, on an instance
 * of the maker's own: the browser tests' fixture (e2e/data.ts) makes a Normal instance on first
 * use, so a test's groups never share a quota, a count or an audit trail with another test's.
 * Make one per test (`beforeEach`); `prefix` names its accounts and groups.
 */
export function groupMaker(prefix: string) {
  let seq = 0;
  let instance: Promise<string> | undefined;
  return async (password = "Start#123") => {
    instance ??= getConnection().then(async (conn) => (await createInstance(conn.prisma, unique, { name: unique(prefix) })).id);
    const account = `${prefix}${++seq}`;
    const r = await runAction(
      createConsumerGroupSpec,
      { instanceId: await instance, name: `${prefix}-group-${seq}`, account, password, confirmPassword: password },
      admin,
    );
    assert.ok(r.ok, JSON.stringify(r));
    return { id: r.data.id, account, user: `${account}-${r.data.id}`, password };
  };
}
