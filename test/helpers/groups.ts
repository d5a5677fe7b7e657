import assert from "node:assert/strict";
import { runAction } from "../../lib/actions/run-action";
import { createConsumerGroupSpec } from "../../lib/actions/consumer-group-specs";
import { SEED_IDS } from "../../lib/demo";

const admin = { id: "u-admin", username: "admin", role: "admin" as const };

/**
 * A maker of fresh consumer groups on the seed's empty instance, created through the action as an
 * admin would: `prefix` keeps each test file's accounts and names apart.
 */
export function groupMaker(prefix: string) {
  let seq = 0;
  return async (password = "Start#123") => {
    const account = `${prefix}${++seq}`;
    const r = await runAction(
      createConsumerGroupSpec,
      { instanceId: SEED_IDS.empty, name: `${prefix}-group-${seq}`, account, password, confirmPassword: password },
      admin,
    );
    assert.ok(r.ok, JSON.stringify(r));
    return { id: r.data.id, account, user: `${account}-${r.data.id}`, password };
  };
}
