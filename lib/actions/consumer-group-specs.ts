import "server-only";
import { getDb } from "../db";
import { hashPassword } from "../auth/password";
import { newDtsId } from "../ids";
import { createConsumerGroupSchema } from "../validation/consumer-group";
import { fail, type ErrorCode } from "./result";
import type { ActionSpec } from "./run-action";

function invalidCode(fields: string[]): ErrorCode {
  if (fields.includes("account")) return "InvalidParameter.UserName";
  if (fields.includes("password") || fields.includes("confirmPassword")) return "InvalidParameter.Password";
  return "InvalidParameter";
}

/** CreateConsumerGroup: operator and admin; the database has the last word on quota, status and name. */
export const createConsumerGroupSpec = {
  name: "createConsumerGroup",
  permission: "consumerGroup.create",
  schema: createConsumerGroupSchema,
  invalidCode,
  async handler(input) {
    const db = await getDb();
    const instance = await db.instance.findUnique({ where: { id: input.instanceId }, select: { id: true } });
    if (!instance) return fail("NotFound", "The change tracking instance no longer exists.");
    const passwordHash = await hashPassword(input.password);
    const group = await db.consumerGroup.create({
      data: { id: newDtsId(), instanceId: input.instanceId, name: input.name, username: input.account, passwordHash },
      select: { id: true, name: true },
    });
    return { ok: true, data: group };
  },
  revalidate: (input) => [`/change-tracking/${input.instanceId}/consume`, `/change-tracking/${input.instanceId}`],
} satisfies ActionSpec<typeof createConsumerGroupSchema, { id: string; name: string }>;
