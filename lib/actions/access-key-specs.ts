import "server-only";
import { encryptSecret } from "../auth/access-key-crypto";
import { secretKeyForWrite } from "./secret-key";
import { can } from "../auth/roles";
import type { SessionUser } from "../auth/session";
import { getDb, type Tx } from "../db";
import { newAccessKeyId, newAccessKeySecret } from "../ids";
import { accessKeyTargetSchema, createAccessKeySchema } from "../validation/access-key";
import { fail, type ActionResult } from "./result";
import type { ActionSpec } from "./run-action";

/**
 * AccessKey management (docs/rules.md "AccessKeys"): every signed-in user creates (at most 2),
 * disables, enables and deletes their own AccessKeys; an admin does so for anyone. Someone else's
 * AccessKey is "not found" to a user who may not manage it, so ids cannot be probed.
 */

const GONE = "errors.accessKeyGone";

/** What creating returns: the only time the secret leaves the server. */
export interface CreatedAccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  username: string;
}

const mayManage = (user: SessionUser, ownerId: string) => ownerId === user.id || can(user.role, "accessKey.manageAny");

type NewKey = { ownerId: string; username: string; key: Buffer };

export const createAccessKeySpec = {
  name: "createAccessKey",
  permission: "accessKey.manageOwn",
  schema: createAccessKeySchema,
  async prepare(input, ctx): Promise<ActionResult<NewKey>> {
    const ownerId = input.userId ?? ctx.user.id;
    if (!mayManage(ctx.user, ownerId)) return fail("Forbidden.Role", "errors.accessKeyOwnOnly", undefined, { role: ctx.user.role });
    const sealing = secretKeyForWrite();
    if (!sealing.ok) return sealing;
    const key = sealing.data;
    const db = await getDb();
    const owner = await db.user.findUnique({ where: { id: ownerId }, select: { id: true, username: true } });
    if (!owner) return fail("NotFound", "errors.userGone");
    return { ok: true, data: { ownerId: owner.id, username: owner.username, key } };
  },
  // The quota is the database's (a counter with a CHECK): a third key fails inside this transaction.
  async change(tx, _input, { ownerId, username, key }: NewKey): Promise<ActionResult<CreatedAccessKey>> {
    const accessKeyId = newAccessKeyId();
    const accessKeySecret = newAccessKeySecret();
    await tx.accessKey.create({
      data: { id: accessKeyId, userId: ownerId, secretCiphertext: encryptSecret(accessKeySecret, accessKeyId, key) },
      select: { id: true },
    });
    return { ok: true, data: { accessKeyId, accessKeySecret, username } };
  },
  audit: (_input, created) => ({ accessKeyId: created.accessKeyId }),
} satisfies ActionSpec<typeof createAccessKeySchema, CreatedAccessKey, NewKey>;

/** The AccessKey if this user may manage it; else null, as for one that does not exist. */
async function manageable(tx: Tx, user: SessionUser, accessKeyId: string) {
  const key = await tx.accessKey.findUnique({ where: { id: accessKeyId }, select: { id: true, userId: true } });
  return key && mayManage(user, key.userId) ? key : null;
}

function setStatusSpec(name: "disableAccessKey" | "enableAccessKey", status: "Active" | "Inactive") {
  return {
    name,
    permission: "accessKey.manageOwn",
    schema: accessKeyTargetSchema,
    async change(tx, input, _prepared, ctx): Promise<ActionResult<{ accessKeyId: string }>> {
      const key = await manageable(tx, ctx.user, input.accessKeyId);
      if (!key) return fail("NotFound", GONE);
      // Deleted meanwhile: gone, as for one that never was.
      const { count } = await tx.accessKey.updateMany({ where: { id: key.id }, data: { status } });
      return count === 1 ? { ok: true, data: { accessKeyId: key.id } } : fail("NotFound", GONE);
    },
    audit: (_input, changed) => ({ accessKeyId: changed.accessKeyId }),
  } satisfies ActionSpec<typeof accessKeyTargetSchema, { accessKeyId: string }>;
}

/** A disabled AccessKey is refused from the next call on (InvalidAccessKeyId.Inactive). */
export const disableAccessKeySpec = setStatusSpec("disableAccessKey", "Inactive");
export const enableAccessKeySpec = setStatusSpec("enableAccessKey", "Active");

export const deleteAccessKeySpec = {
  name: "deleteAccessKey",
  permission: "accessKey.manageOwn",
  schema: accessKeyTargetSchema,
  async change(tx, input, _prepared, ctx): Promise<ActionResult<{ accessKeyId: string }>> {
    const key = await manageable(tx, ctx.user, input.accessKeyId);
    if (!key) return fail("NotFound", GONE);
    const { count } = await tx.accessKey.deleteMany({ where: { id: key.id } });
    return count === 1 ? { ok: true, data: { accessKeyId: key.id } } : fail("NotFound", GONE);
  },
  audit: (_input, deleted) => ({ accessKeyId: deleted.accessKeyId }),
} satisfies ActionSpec<typeof accessKeyTargetSchema, { accessKeyId: string }>;
