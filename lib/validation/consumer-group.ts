import { z } from "./zod";
import { hasControlChars, nameProblem } from "./text";
import { ACCOUNT_MAX, CHECKPOINT_TARGETS, DTS_ID_PATTERN, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, countPasswordClasses } from "./rules";
import { WALL_CLOCK_PATTERN } from "../format";

export * from "./rules";

// Every message below is a key of the `validation` catalogue (docs/rules.md "Languages"), worded
// with the rule figures (RULE_VALUES) by the form's Field or by runAction in the caller's language.
const NAME_PROBLEMS = {
  surrogate: "validation.name.surrogate",
  control: "validation.name.control",
  bidi: "validation.name.bidi",
  invisible: "validation.name.invisible",
} as const;

/** Names are stored NFC-normalised, and must display as what they are. */
export const consumerGroupNameSchema = z
  .string({ error: "validation.name.required" })
  .trim()
  .min(1, "validation.name.required")
  .max(NAME_MAX, "validation.name.tooLong")
  .transform((v) => (v.isWellFormed() ? v.normalize("NFC") : v))
  .superRefine((v, ctx) => {
    const problem = nameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: NAME_PROBLEMS[problem] });
  })
  .refine((v) => v.length <= NAME_MAX, "validation.name.tooLong");

export const consumerGroupAccountSchema = z
  .string({ error: "validation.account.required" })
  .min(1, "validation.account.required")
  .max(ACCOUNT_MAX, "validation.account.tooLong")
  .regex(/^[A-Za-z0-9_]*$/, "validation.account.chars");

export const consumerGroupPasswordSchema = z
  .string({ error: "validation.password.required" })
  .min(1, "validation.password.required")
  .min(PASSWORD_MIN, "validation.password.tooShort")
  .max(PASSWORD_MAX, "validation.password.tooLong")
  // Printable ASCII without spaces: the password travels as a SASL PLAIN credential.
  .regex(/^[\x21-\x7e]*$/, "validation.password.chars")
  .refine((p) => countPasswordClasses(p) >= 2, {
    error: "validation.password.classes",
  });

const createFields = z.object({
  name: consumerGroupNameSchema,
  account: consumerGroupAccountSchema,
  password: consumerGroupPasswordSchema,
  confirmPassword: z.string({ error: "validation.password.confirmRequired" }).min(1, "validation.password.confirmRequired"),
});

/**
 * A mismatch is worth saying once a confirmation is typed, beside whatever else is wrong (the
 * password's own rule included): both errors show together, not one after the other.
 */
const typedPair =
  (first: string) =>
  (payload: { value: unknown }): boolean => {
    const v = payload.value as Record<string, unknown> | null;
    return typeof v?.[first] === "string" && typeof v.confirmPassword === "string" && v.confirmPassword.length > 0;
  };

/** The Create consumer group dialog; the server action parses the same schema plus the instance id. */
export const createConsumerGroupFormSchema = createFields.refine((v) => v.password === v.confirmPassword, {
  path: ["confirmPassword"],
  error: "validation.password.mismatch",
  when: typedPair("password"),
});

export type CreateConsumerGroupForm = z.input<typeof createConsumerGroupFormSchema>;

export const instanceIdSchema = z.string({ error: "validation.instance.unknown" }).regex(DTS_ID_PATTERN, "validation.instance.unknown");

export const createConsumerGroupSchema = z
  .object({ instanceId: instanceIdSchema, ...createFields.shape })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "validation.password.mismatch",
    when: typedPair("password"),
  });

export type CreateConsumerGroupInput = z.input<typeof createConsumerGroupSchema>;

/**
 * The commands the writes run (what the OpenAPI's parameters carry): no confirmation, which is
 * the dialogs' own check. The console's actions parse the dialogs' schemas above, each a command
 * plus its confirmation, so the server checks what the person typed too.
 */
export const createConsumerGroupCommandSchema = z.object({
  instanceId: instanceIdSchema,
  name: consumerGroupNameSchema,
  account: consumerGroupAccountSchema,
  password: consumerGroupPasswordSchema,
});
export type CreateConsumerGroupCommand = z.output<typeof createConsumerGroupCommandSchema>;

export const consumerGroupIdSchema = z.string({ error: "validation.group.unknown" }).regex(DTS_ID_PATTERN, "validation.group.unknown");

/** The current password as typed: checked against the hash, so only its size and characters are limited. */
const currentPasswordSchema = z
  .string({ error: "validation.currentPassword.required" })
  .min(1, "validation.currentPassword.required")
  .max(64, "validation.currentPassword.tooLong")
  .refine((v) => !hasControlChars(v), "validation.currentPassword.incorrect");

const newPasswordFields = z.object({
  newPassword: consumerGroupPasswordSchema,
  confirmPassword: z.string({ error: "validation.password.confirmRequired" }).min(1, "validation.password.confirmRequired"),
});
const newPasswordsMatch = {
  path: ["confirmPassword"],
  error: "validation.password.mismatch",
  when: typedPair("newPassword"),
};
const matches = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;

/** Change password (DTS ModifyConsumerGroupPassword): the old one, then the new one twice. */
export const changePasswordFormSchema = z
  .object({ oldPassword: currentPasswordSchema, ...newPasswordFields.shape })
  .refine(matches, newPasswordsMatch);
export type ChangePasswordForm = z.input<typeof changePasswordFormSchema>;
export const changePasswordSchema = z
  .object({ groupId: consumerGroupIdSchema, oldPassword: currentPasswordSchema, ...newPasswordFields.shape })
  .refine(matches, newPasswordsMatch);

/** ModifyConsumerGroupPassword as a command (see createConsumerGroupCommandSchema). */
export const changePasswordCommandSchema = z.object({
  groupId: consumerGroupIdSchema,
  oldPassword: currentPasswordSchema,
  newPassword: consumerGroupPasswordSchema,
});
export type ChangePasswordCommand = z.output<typeof changePasswordCommandSchema>;

/** Reset password (DTS ModifyConsumerChannel): admin only, no old password. */
export const resetPasswordFormSchema = newPasswordFields.refine(matches, newPasswordsMatch);
export type ResetPasswordForm = z.input<typeof resetPasswordFormSchema>;
export const resetPasswordSchema = z
  .object({ groupId: consumerGroupIdSchema, ...newPasswordFields.shape })
  .refine(matches, newPasswordsMatch);

/** ModifyConsumerChannel's password as a command (see createConsumerGroupCommandSchema). */
export const resetPasswordCommandSchema = z.object({ groupId: consumerGroupIdSchema, newPassword: consumerGroupPasswordSchema });
export type ResetPasswordCommand = z.output<typeof resetPasswordCommandSchema>;

export const deleteConsumerGroupSchema = z.object({ groupId: consumerGroupIdSchema });

/**
 * Reset a group's consumption checkpoint (operator and admin), the form's fields: the server's
 * targets, or "same" as another group of the instance (`sameAs`), which the dialog sends as that
 * group's checkpoint time. The time is a wall-clock time in the zone the page shows.
 */
export const resetCheckpointFormSchema = z
  .object({
    target: z.enum([...CHECKPOINT_TARGETS, "same"], { error: "validation.checkpoint.target" }),
    time: z.string().max(40).optional(),
    sameAs: z.string().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.target === "time" && (!v.time || !WALL_CLOCK_PATTERN.test(v.time)))
      ctx.addIssue({ code: "custom", path: ["time"], message: "validation.checkpoint.time" });
    if (v.target === "same" && !v.sameAs) ctx.addIssue({ code: "custom", path: ["sameAs"], message: "validation.checkpoint.sameAs" });
  });
export type ResetCheckpointForm = z.input<typeof resetCheckpointFormSchema>;

export const resetCheckpointSchema = z
  .object({
    groupId: consumerGroupIdSchema,
    target: z.enum(CHECKPOINT_TARGETS, { error: "validation.checkpoint.target" }),
    time: z.iso.datetime({ offset: true, error: "validation.checkpoint.time" }).optional(),
  })
  .refine((v) => v.target !== "time" || v.time !== undefined, { path: ["time"], error: "validation.checkpoint.time" });
