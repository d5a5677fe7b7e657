// Fixtures for the OpenAPI specs: users of their own with AccessKeys of their own, so that tests
// may change, disable and delete AccessKeys (at most 2 per user) without touching the demo users.
// The AccessKeys are written as the console writes them: the secret AES-256-GCM encrypted with the
// server's DTS_SECRET_KEY (scripts/e2e-server.mjs shares it through the server state file).
import { randomUUID } from "node:crypto";
import { encryptSecret } from "../lib/auth/access-key-crypto";
import { hashPassword } from "../lib/auth/password";
import type { Role } from "../lib/auth/roles";
import { newAccessKeyId, newAccessKeySecret } from "../lib/ids";
import { test as base, expect } from "./fixtures";
import { readServerState } from "./server-state";

export { expect };

export interface ApiUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  /** the user's AccessKey, unless it was made without one */
  accessKeyId: string;
  accessKeySecret: string;
}

export const API_USER_PASSWORD = "ApiUser#2026";

interface OpenApiFixtures {
  /** The console's origin, the endpoint the clients are pointed at. */
  endpoint: string;
  /** Creates a user with this role (and one AccessKey unless `withKey` is false); removed with its keys when the test ends. */
  apiUser: (role: Role, options?: { withKey?: boolean }) => Promise<ApiUser>;
}

export const test = base.extend<OpenApiFixtures>({
  endpoint: async ({ baseURL }, provide) => {
    await provide(baseURL ?? "http://127.0.0.1:3100");
  },

  apiUser: async ({ db, unique }, provide) => {
    const created: string[] = [];
    const secretKey = Buffer.from(readServerState().secretKey, "base64");
    const passwordHash = await hashPassword(API_USER_PASSWORD);
    await provide(async (role, options = {}) => {
      const id = randomUUID();
      const username = unique(`api-${role}`);
      await db.user.create({ data: { id, username, role, passwordHash } });
      created.push(id);
      const accessKeyId = newAccessKeyId();
      const accessKeySecret = newAccessKeySecret();
      if (options.withKey !== false) {
        await db.accessKey.create({
          data: { id: accessKeyId, userId: id, secretCiphertext: encryptSecret(accessKeySecret, accessKeyId, secretKey) },
        });
      }
      return { id, username, password: API_USER_PASSWORD, role, accessKeyId, accessKeySecret };
    });
    // Their AccessKeys and nonces go with them (ON DELETE CASCADE); audit records stay.
    if (created.length) await db.user.deleteMany({ where: { id: { in: created } } });
  },
});
