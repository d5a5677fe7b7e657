import "server-only";
import { getDb } from "../db";
import { changeTimeZoneSchema } from "../validation/preferences";
import type { ActionSpec } from "./run-action";

/** The time zone switch (docs/rules.md "Preferences"): any role, for itself only; audited. */
export const changeTimeZoneSpec = {
  name: "changeTimeZone",
  permission: "preferences.change",
  schema: changeTimeZoneSchema,
  async handler(input, ctx) {
    const db = await getDb();
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: ctx.user.id }, data: { timeZone: input.timeZone }, select: { id: true } });
      await ctx.audit(tx);
    });
    return { ok: true, data: { timeZone: input.timeZone } };
  },
} satisfies ActionSpec<typeof changeTimeZoneSchema, { timeZone: string }>;
