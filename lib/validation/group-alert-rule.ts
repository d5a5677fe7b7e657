import { z } from "./zod";
import { consumerGroupIdSchema } from "./consumer-group";
import { DELAY_THRESHOLD, wholeNumberField } from "./instance-alert";

/**
 * A consumer group's own alert rule (docs/rules.md "Alert delivery"): a delay over N seconds held
 * for M minutes, a stalled consumer, no consumer connected for N minutes; each on when set. The
 * `group_alert_rule` CHECKs repeat the ranges.
 */
export const DELAY_FOR_MAX_MINUTES = 1440;
export const DISCONNECTED_MAX_MINUTES = 10_080;

const ruleFields = z.object({
  enabled: z.boolean({ error: "validation.groupRule.enabled" }),
  delayOverSeconds: wholeNumberField(DELAY_THRESHOLD.min, DELAY_THRESHOLD.max, "validation.alert.threshold"),
  delayForMinutes: wholeNumberField(0, DELAY_FOR_MAX_MINUTES, "validation.groupRule.delayFor"),
  stalled: z.boolean({ error: "validation.groupRule.enabled" }),
  disconnectedMinutes: wholeNumberField(1, DISCONNECTED_MAX_MINUTES, "validation.groupRule.disconnected"),
});

function someCondition(
  v: { enabled: boolean; delayOverSeconds?: number; stalled: boolean; disconnectedMinutes?: number },
  ctx: z.RefinementCtx,
) {
  if (v.enabled && v.delayOverSeconds === undefined && !v.stalled && v.disconnectedMinutes === undefined) {
    ctx.addIssue({ code: "custom", path: ["delayOverSeconds"], message: "validation.groupRule.none" });
  }
}

export const groupAlertRuleFormSchema = ruleFields.superRefine(someCondition);
export type GroupAlertRuleForm = z.input<typeof groupAlertRuleFormSchema>;

export const configureGroupAlertRuleSchema = z.object({ groupId: consumerGroupIdSchema, ...ruleFields.shape }).superRefine(someCondition);
