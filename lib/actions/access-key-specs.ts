import "server-only";
import { AccessKeyCryptoUnavailable, encryptSecret, getSecretKey } from "../auth/access-key-crypto";
import { can } from "../auth/roles";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { newAccessKeyId, newAccessKeySecret } from "../ids";
import { accessKeyTargetSchema, createAccessKeySchema } from "../validation/access-key";
import { fail, type ActionResult } from "./result";
import type { ActionContext, ActionSpec } from "./run-action";

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

export const createAccessKeySpec = {
  name: "createAccessKey",
  permission: "accessKey.manageOwn",
  schema: createAccessKeySchema,
  async handler(input, ctx): Promise<ActionResult<CreatedAccessKey>> {
    const ownerId = input.userId ?? ctx.user.id;
    if (!mayManage(ctx.user, ownerId)) return fail("Forbidden.Role", "errors.accessKeyOwnOnly", undefined, { role: ctx.user.role });
    let key: Buffer;
    try {
      key = getSecretKey();
    } catch (error) {
      if (error instanceof AccessKeyCryptoUnavailable) return fail("OperationDenied.AccessKeyEncryption", error.message);
      throw error;
    }
    const db = await getDb();
    const owner = await db.user.findUnique({ where: { id: ownerId }, select: { id: true, username: true } });
    if (!owner) return fail("NotFound", "errors.userGone");
    const accessKeyId = newAccessKeyId();
    const accessKeySecret = newAccessKeySecret();
    // The quota is the database's (a counter with a CHECK): a third key fails inside this transaction.
    await db.$transaction(async (tx) => {
      await tx.accessKey.create({
        data: { id: accessKeyId, userId: owner.id, secretCiphertext: encryptSecret(accessKeySecret, accessKeyId, key) },
        select: { id: true },
      });
      await ctx.audit(tx, { accessKeyId });
    });
    return { ok: true, data: { accessKeyId, accessKeySecret, username: owner.username } };
  },
} satisfies ActionSpec<typeof createAccessKeySchema, CreatedAccessKey>;

/** The AccessKey if this user may manage it; else null, as for one that does not exist. */
async function manageable(ctx: ActionContext, accessKeyId: string) {
  const db = await getDb();
  const key = await db.accessKey.findUnique({ where: { id: accessKeyId }, select: { id: true, userId: true } });
  return key && mayManage(ctx.user, key.userId) ? key : null;
}

function setStatusSpec(name: "disableAccessKey" | "enableAccessKey", status: "Active" | "Inactive") {
  return {
    name,
    permission: "accessKey.manageOwn",
    schema: accessKeyTargetSchema,
    async handler(input, ctx): Promise<ActionResult<{ accessKeyId: string }>> {
      const key = await manageable(ctx, input.accessKeyId);
      if (!key) return fail("NotFound", GONE);
      const db = await getDb();
      const changed = await db.$transaction(async (tx) => {
        const { count } = await tx.accessKey.updateMany({ where: { id: key.id }, data: { status } });
        if (count === 1) await ctx.audit(tx, { accessKeyId: key.id });
        return count === 1;
      });
      return changed ? { ok: true, data: { accessKeyId: key.id } } : fail("NotFound", GONE);
    },
  } satisfies ActionSpec<typeof accessKeyTargetSchema, { accessKeyId: string }>;
}

/** A disabled AccessKey is refused from the next call on (InvalidAccessKeyId.Inactive). */
export const disableAccessKeySpec = setStatusSpec("disableAccessKey", "Inactive");
export const enableAccessKeySpec = setStatusSpec("enableAccessKey", "Active");

export const deleteAccessKeySpec = {
  name: "deleteAccessKey",
  permission: "accessKey.manageOwn",
  schema: accessKeyTargetSchema,
  async handler(input, ctx): Promise<ActionResult<{ accessKeyId: string }>> {
    const key = await manageable(ctx, input.accessKeyId);
    if (!key) return fail("NotFound", GONE);
    const db = await getDb();
    const deleted = await db.$transaction(async (tx) => {
      const { count } = await tx.accessKey.deleteMany({ where: { id: key.id } });
      if (count === 1) await ctx.audit(tx, { accessKeyId: key.id });
      return count === 1;
    });
    return deleted ? { ok: true, data: { accessKeyId: key.id } } : fail("NotFound", GONE);
  },
} satisfies ActionSpec<typeof accessKeyTargetSchema, { accessKeyId: string }>;
