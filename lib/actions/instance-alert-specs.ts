import "server-only";
import { getDb } from "../db";
import { configureGroupAlertRuleSchema } from "../validation/group-alert-rule";
import { configureInstanceAlertSchema, type ConfigureInstanceAlertInput } from "../validation/instance-alert";
import { fail } from "./result";
import type { ActionSpec } from "./run-action";

type Saved = Omit<Required<ConfigureInstanceAlertInput>, "delayOverSeconds"> & { delayOverSeconds: number | null };

/**
 * ConfigureSubscriptionInstanceAlert (docs/rules.md "Alerts"): operator and admin set an
 * instance's latency and status alerts; the database checks the same rules.
 */
export const configureInstanceAlertSpec = {
  name: "configureInstanceAlert",
  permission: "instance.configureAlert",
  schema: configureInstanceAlertSchema,
  async handler(input, ctx) {
    const db = await getDb();
    const settings = {
      delayAlert: input.delayAlert,
      // A threshold typed while the alert is off is kept, so turning it on again finds it.
      delayOverSeconds: input.delayOverSeconds ?? null,
      delayAlertPhone: input.delayAlertPhone,
      errorAlert: input.errorAlert,
      errorAlertPhone: input.errorAlertPhone,
    };
    const saved = await db.$transaction(async (tx) => {
      const instance = await tx.instance.findUnique({ where: { id: input.instanceId }, select: { id: true } });
      if (!instance) return null;
      await tx.instanceAlert.upsert({
        where: { instanceId: input.instanceId },
        create: { instanceId: input.instanceId, ...settings, updatedBy: ctx.user.username },
        update: { ...settings, updatedAt: new Date(), updatedBy: ctx.user.username },
        select: { instanceId: true },
      });
      await ctx.audit(tx, { instanceId: input.instanceId });
      return { instanceId: input.instanceId, ...settings };
    });
    if (!saved) return fail("NotFound", "errors.instanceGone");
    return { ok: true, data: saved };
  },
} satisfies ActionSpec<typeof configureInstanceAlertSchema, Saved>;

type SavedRule = {
  groupId: string;
  enabled: boolean;
  delayOverSeconds: number | null;
  delayForMinutes: number;
  stalled: boolean;
  disconnectedMinutes: number | null;
};

/** A consumer group's own alert rule (docs/rules.md "Alert delivery"): operator and admin; audited. */
export const configureGroupAlertRuleSpec = {
  name: "configureGroupAlertRule",
  permission: "instance.configureAlert",
  schema: configureGroupAlertRuleSchema,
  async handler(input, ctx) {
    const db = await getDb();
    const rule = {
      enabled: input.enabled,
      delayOverSeconds: input.delayOverSeconds ?? null,
      delayForMinutes: input.delayForMinutes ?? 0,
      stalled: input.stalled,
      disconnectedMinutes: input.disconnectedMinutes ?? null,
    };
    const instanceId = await db.$transaction(async (tx) => {
      const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true } });
      if (!group) return null;
      await tx.groupAlertRule.upsert({
        where: { groupId: group.id },
        create: { groupId: group.id, ...rule, updatedBy: ctx.user.username },
        update: { ...rule, updatedAt: new Date(), updatedBy: ctx.user.username },
        select: { groupId: true },
      });
      await ctx.audit(tx, { instanceId: group.instanceId, groupId: group.id });
      return group.instanceId;
    });
    if (!instanceId) return fail("NotFound", "errors.groupGone");
    return { ok: true, data: { groupId: input.groupId, ...rule } };
  },
} satisfies ActionSpec<typeof configureGroupAlertRuleSchema, SavedRule>;
