import { z } from "./zod";
import { instanceIdSchema } from "./consumer-group";

/**
 * Monitoring and alerting of a change tracking instance (docs/rules.md "Alerts"), DTS's
 * ConfigureSubscriptionInstanceAlert: a latency alert over a threshold in whole seconds, a status
 * alert, and up to ten mobile numbers for each. The `instance_alert` CHECKs repeat these rules.
 */
export const DELAY_THRESHOLD = { min: 1, max: 2_592_000, recommended: 10 } as const;
export const ALERT_PHONE_MAX = 10;
const PHONE = /^1\d{10}$/;

/** A whole number in range from a field ("", "12") or the API (12, "12"); empty is "not set". */
export function wholeNumberField(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
      if (typeof v === "string" && /^\s*\d{1,10}\s*$/.test(v)) return Number(v);
      return v;
    },
    z.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );
}

const thresholdSchema = wholeNumberField(DELAY_THRESHOLD.min, DELAY_THRESHOLD.max, "validation.alert.threshold");

/** Mobile numbers as typed (commas, Chinese commas, spaces or new lines between), kept as DTS writes them: `a,b`. */
const phonesSchema = z
  .string({ error: "validation.alert.phone" })
  .max(400, "validation.alert.phoneCount")
  .optional()
  .transform((v) => [...new Set((v ?? "").split(/[\s,，;；]+/).filter(Boolean))])
  .superRefine((numbers, ctx) => {
    if (numbers.some((n) => !PHONE.test(n))) ctx.addIssue({ code: "custom", message: "validation.alert.phone" });
    else if (numbers.length > ALERT_PHONE_MAX) ctx.addIssue({ code: "custom", message: "validation.alert.phoneCount" });
  })
  .transform((numbers) => numbers.join(","));

const alertFields = z.object({
  delayAlert: z.boolean({ error: "validation.alert.status" }),
  delayOverSeconds: thresholdSchema,
  delayAlertPhone: phonesSchema,
  errorAlert: z.boolean({ error: "validation.alert.status" }),
  errorAlertPhone: phonesSchema,
});

/** DTS: DelayOverSeconds must be given when the latency alert is on. */
function thresholdWhenOn(v: { delayAlert: boolean; delayOverSeconds?: number }, ctx: z.RefinementCtx) {
  if (v.delayAlert && v.delayOverSeconds === undefined) {
    ctx.addIssue({ code: "custom", path: ["delayOverSeconds"], message: "validation.alert.thresholdRequired" });
  }
}

/** The Configure Monitoring and Alerting dialog (threshold as typed). */
export const instanceAlertFormSchema = alertFields.superRefine(thresholdWhenOn);
export type InstanceAlertForm = z.input<typeof instanceAlertFormSchema>;

/** The command, from the dialog or the OpenAPI. */
export const configureInstanceAlertSchema = z.object({ instanceId: instanceIdSchema, ...alertFields.shape }).superRefine(thresholdWhenOn);
export type ConfigureInstanceAlertInput = z.input<typeof configureInstanceAlertSchema>;
