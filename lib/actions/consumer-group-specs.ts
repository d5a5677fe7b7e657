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

/**
 * CreateConsumerGroup's work before its transaction: the instance must exist, and the password's
 * hash, made on libuv's thread pool while the instance is read (the two are independent; the
 * session and role were checked before). `hash` is the action's argon2id unless given (the bench
 * times the rest with a hash made once: scripts/bench-insert.ts).
 */
export async function prepareCreate(input: CreateConsumerGroupCommand, hash: (password: string) => Promise<string> = hashPassword) {
  const db = await getDb();
  const [instance, passwordHash] = await Promise.all([
    db.instance.findUnique({ where: { id: input.instanceId }, select: { id: true } }),
    hash(input.password),
  ]);
  if (!instance) return fail("NotFound", "errors.instanceGone");
  return { ok: true as const, data: { passwordHash } };
}

/** CreateConsumerGroup: operator and admin; the database has the last word on quota, status and name. */
export const createConsumerGroupSpec = {
  name: "createConsumerGroup",
  permission: "consumerGroup.create",
  schema: createConsumerGroupSchema,
  invalidCode,
  prepare(input: CreateConsumerGroupCommand) {
    return prepareCreate(input);
  },
  async change(tx, input: CreateConsumerGroupCommand, { passwordHash }: { passwordHash: string }) {
    const created = await tx.consumerGroup.create({
      data: { id: newDtsId(), instanceId: input.instanceId, name: input.name, account: input.account, passwordHash },
      select: { id: true, name: true },
    });
    return { ok: true, data: created };
  },
  audit: (input: CreateConsumerGroupCommand, group) => ({ instanceId: input.instanceId, groupId: group.id }),
} satisfies ActionSpec<typeof createConsumerGroupSchema, { id: string; name: string }, { passwordHash: string }>;

type PasswordChange = { id: string; instanceId: string; oldHash: string; passwordHash: string };

/** ModifyConsumerGroupPassword: operator and admin, knowing the current password. */
export const changeConsumerGroupPasswordSpec = {
  name: "changeConsumerGroupPassword",
  permission: "consumerGroup.changePassword",
  schema: changePasswordSchema,
  invalidCode,
  async prepare(input: ChangePasswordCommand, ctx) {
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
    return { ok: true as const, data: { id: group.id, instanceId: group.instanceId, oldHash: group.passwordHash, passwordHash } };
  },
  async change(tx, _input, group: PasswordChange) {
    // Only if nobody changed it since we checked the old one.
    const { count } = await tx.consumerGroup.updateMany({
      where: { id: group.id, passwordHash: group.oldHash },
      data: { passwordHash: group.passwordHash },
    });
    if (count !== 1) {
      const message = "errors.passwordChangedMeanwhile";
      return fail("InvalidParameter.Password", message, { oldPassword: message });
    }
    return { ok: true, data: { id: group.id, instanceId: group.instanceId } };
  },
  audit: (_input, group) => ({ instanceId: group.instanceId, groupId: group.id }),
} satisfies ActionSpec<typeof changePasswordSchema, { id: string; instanceId: string }, PasswordChange>;

/** ModifyConsumerChannel: admin resets without the old password; the live consumer is disconnected. */
export const resetConsumerGroupPasswordSpec = {
  name: "resetConsumerGroupPassword",
  permission: "consumerGroup.resetPassword",
  schema: resetPasswordSchema,
  invalidCode,
  async prepare(input: ResetPasswordCommand) {
    return { ok: true as const, data: { passwordHash: await hashPassword(input.newPassword) } };
  },
  async change(tx, input: ResetPasswordCommand, { passwordHash }: { passwordHash: string }) {
    const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true } });
    if (!group) return fail("NotFound", GONE);
    await tx.consumerGroup.update({
      where: { id: group.id },
      data: { passwordHash, messageDelaySeconds: null, unconsumedRecords: null },
    });
    await tx.consumerLease.deleteMany({ where: { groupId: group.id } });
    return { ok: true, data: group };
  },
  audit: (_input, group) => ({ instanceId: group.instanceId, groupId: group.id }),
} satisfies ActionSpec<typeof resetPasswordSchema, { id: string; instanceId: string }, { passwordHash: string }>;

/** DeleteConsumerGroup: admin; its consumption progress is lost. */
export const deleteConsumerGroupSpec = {
  name: "deleteConsumerGroup",
  permission: "consumerGroup.delete",
  schema: deleteConsumerGroupSchema,
  async change(tx, input) {
    const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true, name: true } });
    if (!group) return fail("NotFound", GONE);
    await tx.consumerGroup.delete({ where: { id: group.id } });
    return { ok: true, data: group };
  },
  audit: (_input, group) => ({ instanceId: group.instanceId, groupId: group.id }),
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
  async change(tx, input) {
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
    return { ok: true, data: { id: group.id, instanceId: group.instanceId, checkpointAt: to.toISOString() } };
  },
  audit: (_input, group) => ({ instanceId: group.instanceId, groupId: group.id }),
} satisfies ActionSpec<typeof resetCheckpointSchema, { id: string; instanceId: string; checkpointAt: string }>;

/**
 * The same writes as commands, for the OpenAPI: its parameters carry one password, so it parses the
 * command schemas, not the dialogs' (which add the confirmation the person typed).
 */
export const createConsumerGroupCommand = {
  ...createConsumerGroupSpec,
  schema: createConsumerGroupCommandSchema,
} satisfies ActionSpec<typeof createConsumerGroupCommandSchema, { id: string; name: string }, { passwordHash: string }>;
export const changeConsumerGroupPasswordCommand = {
  ...changeConsumerGroupPasswordSpec,
  schema: changePasswordCommandSchema,
} satisfies ActionSpec<typeof changePasswordCommandSchema, { id: string; instanceId: string }, PasswordChange>;
export const resetConsumerGroupPasswordCommand = {
  ...resetConsumerGroupPasswordSpec,
  schema: resetPasswordCommandSchema,
} satisfies ActionSpec<typeof resetPasswordCommandSchema, { id: string; instanceId: string }, { passwordHash: string }>;
