"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "../db";
import { hashPassword } from "../auth/password";
import { newDtsId } from "../ids";
import { createConsumerGroupSchema } from "../validation/consumer-group";
import { defineAction } from "./safe-action";
import { fail } from "./result";
import type { ErrorCode } from "./result";

function invalidCode(fields: string[]): ErrorCode {
  if (fields.includes("account")) return "InvalidParameter.UserName";
  if (fields.includes("password") || fields.includes("confirmPassword")) return "InvalidParameter.Password";
  return "InvalidParameter";
}

/** CreateConsumerGroup: operator and admin; the database has the last word on quota, status and name. */
export const createConsumerGroup = defineAction({
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
    revalidatePath(`/change-tracking/${input.instanceId}/consume`);
    return { ok: true, data: group };
  },
});
