import "server-only";
import { configureGroupAlertRuleSchema } from "../validation/group-alert-rule";
import { configureInstanceAlertSchema, type ConfigureInstanceAlertInput } from "../validation/instance-alert";
import { fail } from "./result";
import type { ActionSpec } from "./run-action";

/** Settings as first saved and as saved again, each naming who saved them. */
function stamped<T extends object>(settings: T, username: string) {
  return { create: { ...settings, updatedBy: username }, update: { ...settings, updatedAt: new Date(), updatedBy: username } };
}

type Saved = Omit<Required<ConfigureInstanceAlertInput>, "delayOverSeconds"> & { delayOverSeconds: number | null };

/**
 * ConfigureSubscriptionInstanceAlert (docs/rules.md "Alerts"): operator and admin set an
 * instance's latency and status alerts; the database checks the same rules.
 */
export const configureInstanceAlertSpec = {
  name: "configureInstanceAlert",
  permission: "instance.configureAlert",
  schema: configureInstanceAlertSchema,
  async change(tx, input, _prepared, ctx) {
    const { instanceId: _, ...given } = input;
    // A threshold typed while the alert is off is kept, so turning it on again finds it.
    const settings = { ...given, delayOverSeconds: given.delayOverSeconds ?? null };
    const instance = await tx.instance.findUnique({ where: { id: input.instanceId }, select: { id: true } });
    if (!instance) return fail("NotFound", "errors.instanceGone");
    const saved = stamped(settings, ctx.user.username);
    await tx.instanceAlert.upsert({
      where: { instanceId: input.instanceId },
      create: { instanceId: input.instanceId, ...saved.create },
      update: saved.update,
      select: { instanceId: true },
    });
    return { ok: true, data: { instanceId: input.instanceId, ...settings } };
  },
  audit: (input) => ({ instanceId: input.instanceId }),
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
  async change(tx, input, _prepared, ctx) {
    const { groupId: _, ...given } = input;
    const rule = {
      ...given,
      delayOverSeconds: given.delayOverSeconds ?? null,
      delayForMinutes: given.delayForMinutes ?? 0,
      disconnectedMinutes: given.disconnectedMinutes ?? null,
    };
    const group = await tx.consumerGroup.findUnique({ where: { id: input.groupId }, select: { id: true, instanceId: true } });
    if (!group) return fail("NotFound", "errors.groupGone");
    const saved = stamped(rule, ctx.user.username);
    await tx.groupAlertRule.upsert({
      where: { groupId: group.id },
      create: { groupId: group.id, ...saved.create },
      update: saved.update,
      select: { groupId: true },
    });
    return { ok: true, data: { groupId: group.id, instanceId: group.instanceId, ...rule } };
  },
  audit: (_input, saved) => ({ instanceId: saved.instanceId, groupId: saved.groupId }),
} satisfies ActionSpec<typeof configureGroupAlertRuleSchema, SavedRule & { instanceId: string }>;
