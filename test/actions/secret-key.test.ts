import assert from "node:assert/strict";
import { describe, it } from "node:test";

// A console on PostgreSQL without DTS_SECRET_KEY has no key to seal secrets with (docs/rules.md
// "AccessKeys"): the writes that store one answer a refusal before touching the database.
process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:9/none";
delete process.env.DTS_SECRET_KEY;

const { secretKeyForWrite } = await import("../../lib/actions/secret-key");
const { createAccessKeySpec } = await import("../../lib/actions/access-key-specs");
const { createNotificationChannelSpec } = await import("../../lib/actions/notification-channel-specs");

const ctx = { user: { id: "u-admin", username: "admin", role: "admin" as const }, ip: null };

describe("the sealing key of a write that stores a secret", () => {
  it("is a refusal, not a throw, while the server has none", () => {
    const result = secretKeyForWrite();
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, "OperationDenied.AccessKeyEncryption");
  });

  it("refuses a new AccessKey and a new webhook channel before the database is asked", async () => {
    for (const result of [
      await createAccessKeySpec.prepare({}, ctx),
      await createNotificationChannelSpec.prepare({ name: "ops", format: "json", url: "https://hooks.example.com/x", recipients: null }),
    ]) {
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.code, "OperationDenied.AccessKeyEncryption");
    }
  });
});
