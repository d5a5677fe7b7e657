import "server-only";
import { getDb } from "../db";
import { hashPassword, verifyPassword } from "../auth/password";
import { newDtsId } from "../ids";
import {
  changePasswordCommandSchema,
  changePasswordSchema,
  createConsumerGroupCommandSchema,
  createConsumerGroupSchema,
  deleteConsumerGroupSchema,
  resetCheckpointSchema,
  resetPasswordCommandSchema,
  resetPasswordSchema,
  type ChangePasswordCommand,
  type CreateConsumerGroupCommand,
  type ResetPasswordCommand,
} from "../validation/consumer-group";
import { admitAttempt, CHANGE_PASSWORD_THROTTLE } from "../throttle";
import { fail, type ErrorCode } from "./result";
import type { ActionSpec } from "./run-action";
import { leaseLive } from "../data/lag-sql";

function invalidCode(fields: string[]): ErrorCode {
  if (fields.includes("account")) return "InvalidParameter.UserName";
  if (fields.some((f) => /password/i.test(f))) return "InvalidParameter.Password";
  return "InvalidParameter";
}

const GONE = "errors.groupGone";

/** CreateConsumerGroup: operator and admin; the database has the last word on quota, status and name. */
export const createConsumerGroupSpec = {
  name: "createConsumerGroup",
  permission: "consumerGroup.create",
  schema: createConsumerGroupSchema,
  invalidCode,
  async handler(input: CreateConsumerGroupCommand, ctx) {
    const db = await getDb();
    const instance = await db.instance.findUnique({ where: { id: input.instanceId }, select: { id: true } });
    if (!instance) return fail("NotFound", "errors.instanceGone");
    const passwordHash = await hashPassword(input.password);
    const group = await db.$transaction(async (tx) => {
      const created = await tx.consumerGroup.create({
        data: { id: newDtsId(), instanceId: input.instanceId, name: input.name, username: input.account, passwordHash },
        select: { id: true, name: true },
      });
      await ctx.audit(tx, { instanceId: input.instanceId, groupId: created.id });
      return created;
    });
    return { ok: true, data: group };
  },
} satisfies ActionSpec<typeof createConsumerGroupSchema, { id: string; name: string }>;

/** ModifyConsumerGroupPassword: operator and admin, knowing the current password. */
export const changeConsumerGroupPasswordSpec = {
  name: "changeConsumerGroupPassword",
  permission: "consumerGroup.changePassword",
  schema: changePasswordSchema,
  invalidCode,
  async handler(input: ChangePasswordCommand, ctx) {
    const db = await getDb();
    const group = await db.consumerGroup.findUnique({
      where: { id: input.groupId },
      select: { id: true, instanceId: true, passwordHash: true },
    });
    if (!group) return fail("NotFound", GONE);
    // Guessing the old password through this form is throttled like a sign-in.
    const who = { account: group.id, client: ctx.user.id };
    const admission = await admitAttempt(db, CHANGE_PASSWORD_THROTTLE, who);
    if (!admission.ok) return fail("Throttling.User", "errors.passwordThrottled", undefined, { retryAfter: String(admission.retryAfter) });
    if (!(await verifyPassword(group.passwordHash, input.oldPassword))) {
      const message = "validation.currentPassword.incorrect";
      return fail("InvalidParameter.Password", message, { oldPassword: message });
    }
    await admission.succeeded();
    const passwordHash = await hashPassword(input.newPassword);
    const updated = await db.$transaction(async (tx) => {
      // Only if nobody changed it since we checked the old one.
      const { count } = await tx.consumerGroup.updateMany({
        where: { id: group.id, passwordHash: group.passwordHash },
        data: { passwordHash },
      });
      if (count === 1) await ctx.audit(tx, { instanceId: group.instanceId, groupId: group.id });
      return count === 1;
    });
    if (!updated) {
      const message = "errors.passwordChangedMeanwhile";
      return fail("InvalidParameter.Password", message, { oldPassword: message });
    }
    return { ok: true, data: { id: group.id, instanceId: group.instanceId } };
  },
} satisfies ActionSpec<typeof changePasswordSchema, { id: string; instanceId: string }>;

/** ModifyConsumerChannel: admin resets without the old password; the live consumer is disconnected. */
export const resetConsumerGroupPasswordSpec = {
  name: "resetConsumerGroupPassword",
  permission: "consumerGroup.resetPassword",
  schema: resetPasswordSchema,
  invalidCode,
  async handler(input: ResetPasswordCommand, ctx) {
    const db = await getDb();
    const passwordHash = await hashPassword(input.newPassword);
    const result = await db.$transaction(async (tx) => {
      const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true } });
      if (!group) return null;
      await tx.consumerGroup.update({
        where: { id: group.id },
        data: { passwordHash, messageDelaySeconds: null, unconsumedRecords: null },
      });
      await tx.consumerLease.deleteMany({ where: { groupId: group.id } });
      await ctx.audit(tx, { instanceId: group.instanceId, groupId: group.id });
      return group;
    });
    if (!result) return fail("NotFound", GONE);
    return { ok: true, data: { id: result.id, instanceId: result.instanceId } };
  },
} satisfies ActionSpec<typeof resetPasswordSchema, { id: string; instanceId: string }>;

/** DeleteConsumerGroup: admin; its consumption progress is lost. */
export const deleteConsumerGroupSpec = {
  name: "deleteConsumerGroup",
  permission: "consumerGroup.delete",
  schema: deleteConsumerGroupSchema,
  async handler(input, ctx) {
    const db = await getDb();
    const result = await db.$transaction(async (tx) => {
      const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true, name: true } });
      if (!group) return null;
      await ctx.audit(tx, { instanceId: group.instanceId, groupId: group.id });
      await tx.consumerGroup.delete({ where: { id: group.id } });
      return group;
    });
    if (!result) return fail("NotFound", GONE);
    return { ok: true, data: result };
  },
} satisfies ActionSpec<typeof deleteConsumerGroupSchema, { id: string; instanceId: string; name: string }>;

/**
 * Reset a group's consumption checkpoint (docs/rules.md "Consumption checkpoint"): operator and
 * admin, to the earliest or latest point of the instance's data range or a time within it, only
 * while no consumer is connected. The next consumer's credential check answers where to start.
 */
export const resetConsumerGroupCheckpointSpec = {
  name: "resetConsumerGroupCheckpoint",
  permission: "consumerGroup.resetCheckpoint",
  schema: resetCheckpointSchema,
  async handler(input, ctx) {
    const db = await getDb();
    return db.$transaction(async (tx) => {
      // The group row locked: a consumer's lease (its foreign key) waits for this reset, or this
      // reset sees the lease.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "consumer_group" WHERE "id" = ${input.groupId} FOR UPDATE`;
      if (locked.length === 0) return fail("NotFound", GONE);
      const group = await tx.consumerGroup.findUniqueOrThrow({
        where: { id: input.groupId },
        select: {
          id: true,
          instanceId: true,
          lease: { select: { expiresAt: true } },
          instance: { select: { dataBeginAt: true, dataEndAt: true } },
        },
      });
      if (leaseLive(group.lease?.expiresAt)) {
        return fail("OperationDenied.ConsumerConnected", "errors.consumerConnected");
      }
      const { dataBeginAt, dataEndAt } = group.instance;
      if (!dataBeginAt || !dataEndAt) return fail("InvalidParameter", "errors.noData");
      const to = input.target === "earliest" ? dataBeginAt : input.target === "latest" ? dataEndAt : new Date(input.time ?? "");
      if (to < dataBeginAt || to > dataEndAt) {
        const message = "errors.checkpointOutOfRange";
        return fail("InvalidParameter", message, { time: message });
      }
      await tx.consumerGroup.update({
        where: { id: group.id },
        data: { startCheckpointAt: to, checkpointAt: to, messageDelaySeconds: null, unconsumedRecords: null },
      });
      await ctx.audit(tx, { instanceId: group.instanceId, groupId: group.id });
      return { ok: true as const, data: { id: group.id, instanceId: group.instanceId, checkpointAt: to.toISOString() } };
    });
  },
} satisfies ActionSpec<typeof resetCheckpointSchema, { id: string; instanceId: string; checkpointAt: string }>;

/**
 * The same writes as commands, for the OpenAPI: its parameters carry one password, so it parses the
 * command schemas, not the dialogs' (which add the confirmation the person typed).
 */
export const createConsumerGroupCommand = {
  ...createConsumerGroupSpec,
  schema: createConsumerGroupCommandSchema,
} satisfies ActionSpec<typeof createConsumerGroupCommandSchema, { id: string; name: string }>;
export const changeConsumerGroupPasswordCommand = {
  ...changeConsumerGroupPasswordSpec,
  schema: changePasswordCommandSchema,
} satisfies ActionSpec<typeof changePasswordCommandSchema, { id: string; instanceId: string }>;
export const resetConsumerGroupPasswordCommand = {
  ...resetConsumerGroupPasswordSpec,
  schema: resetPasswordCommandSchema,
} satisfies ActionSpec<typeof resetPasswordCommandSchema, { id: string; instanceId: string }>;
