import { z } from "./zod";
import { hasControlChars, nameProblem } from "./text";

/** The rules of a consumer group (docs/rules.md "Consumer groups"), each written once here. */
export const CONSUMER_GROUP_QUOTA = 20;
export const NAME_MAX = 128;
export const ACCOUNT_MAX = 16;
export const ACCOUNT_PATTERN = /^[A-Za-z0-9_]{1,16}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 32;
/** The most seconds of message delay stored (the column is a 32-bit integer: about 68 years). */
export const MAX_DELAY_SECONDS = 2_147_483_647;
/** Ids of instances and consumer groups: `dts` and 6 to 29 lowercase letters or digits. */
export const DTS_ID_PATTERN = /^dts[a-z0-9]{6,29}$/;

/** The password rule of DTS, in the words the dialog shows. */
export const PASSWORD_RULE = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters, with at least two of: uppercase letters, lowercase letters, digits, special characters.`;
export const ACCOUNT_RULE = `1 to ${ACCOUNT_MAX} characters: uppercase and lowercase letters, digits and underscores (_).`;
export const ACCOUNT_RULE_MESSAGE = `The account can contain only letters, digits and underscores (_), 1 to ${ACCOUNT_MAX} characters.`;
export const NAME_RULE = `At most ${NAME_MAX} characters. A descriptive name makes the group easy to find.`;

const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** How many of the four DTS character classes a password uses. */
export function countPasswordClasses(password: string): number {
  return PASSWORD_CLASSES.filter((re) => re.test(password)).length;
}

const NAME_PROBLEMS = {
  surrogate: "The name contains an invalid character.",
  control: "The name cannot contain control characters.",
  bidi: "The name cannot contain text-direction characters (such as U+202E): they disguise what the name says.",
  invisible: "The name needs at least one visible character.",
} as const;

/** Names are stored NFC-normalised, and must display as what they are. */
export const consumerGroupNameSchema = z
  .string({ error: "Enter a consumer group name." })
  .trim()
  .min(1, "Enter a consumer group name.")
  .max(NAME_MAX, `The name can be at most ${NAME_MAX} characters long.`)
  .transform((v) => (v.isWellFormed() ? v.normalize("NFC") : v))
  .superRefine((v, ctx) => {
    const problem = nameProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: NAME_PROBLEMS[problem] });
  })
  .refine((v) => v.length <= NAME_MAX, `The name can be at most ${NAME_MAX} characters long.`);

export const consumerGroupAccountSchema = z
  .string({ error: "Enter an account." })
  .min(1, "Enter an account.")
  .max(ACCOUNT_MAX, `The account can be at most ${ACCOUNT_MAX} characters long.`)
  .regex(/^[A-Za-z0-9_]*$/, "The account can contain only letters, digits and underscores (_).");

export const consumerGroupPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(1, "Enter a password.")
  .min(PASSWORD_MIN, `The password must be at least ${PASSWORD_MIN} characters long.`)
  .max(PASSWORD_MAX, `The password can be at most ${PASSWORD_MAX} characters long.`)
  // Printable ASCII without spaces: the password travels as a SASL PLAIN credential.
  .regex(/^[\x21-\x7e]*$/, "Use letters, digits and special characters only, without spaces.")
  .refine((p) => countPasswordClasses(p) >= 2, {
    error: "Use at least two of: uppercase letters, lowercase letters, digits, special characters.",
  });

const createFields = z.object({
  name: consumerGroupNameSchema,
  account: consumerGroupAccountSchema,
  password: consumerGroupPasswordSchema,
  confirmPassword: z.string({ error: "Enter the password again." }).min(1, "Enter the password again."),
});

const passwordPair = createFields.pick({ password: true, confirmPassword: true });

/** The Create consumer group dialog; the server action parses the same schema plus the instance id. */
export const createConsumerGroupFormSchema = createFields.refine((v) => v.password === v.confirmPassword, {
  path: ["confirmPassword"],
  error: "The passwords do not match.",
  // Say so as soon as both passwords are valid, even while another field still has an error.
  when: (payload) => passwordPair.safeParse(payload.value).success,
});

export type CreateConsumerGroupForm = z.input<typeof createConsumerGroupFormSchema>;

export const instanceIdSchema = z
  .string({ error: "Unknown change tracking instance." })
  .regex(DTS_ID_PATTERN, "Unknown change tracking instance.");

export const createConsumerGroupSchema = z
  .object({ instanceId: instanceIdSchema, ...createFields.shape })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The passwords do not match.",
    when: (payload) => passwordPair.safeParse(payload.value).success,
  });

export type CreateConsumerGroupInput = z.input<typeof createConsumerGroupSchema>;

export const consumerGroupIdSchema = z.string({ error: "Unknown consumer group." }).regex(DTS_ID_PATTERN, "Unknown consumer group.");

/** The current password as typed: checked against the hash, so only its size and characters are limited. */
const currentPasswordSchema = z
  .string({ error: "Enter the current password." })
  .min(1, "Enter the current password.")
  .max(64, "The current password is at most 64 characters.")
  .refine((v) => !hasControlChars(v), "The current password is incorrect.");

const newPasswordFields = z.object({
  newPassword: consumerGroupPasswordSchema,
  confirmPassword: z.string({ error: "Enter the password again." }).min(1, "Enter the password again."),
});
const newPasswordPair = newPasswordFields.pick({ newPassword: true, confirmPassword: true });
const newPasswordsMatch = {
  path: ["confirmPassword"],
  error: "The passwords do not match.",
  when: (payload: { value: unknown }) => newPasswordPair.safeParse(payload.value).success,
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

/** Reset password (DTS ModifyConsumerChannel): admin only, no old password. */
export const resetPasswordFormSchema = newPasswordFields.refine(matches, newPasswordsMatch);
export type ResetPasswordForm = z.input<typeof resetPasswordFormSchema>;
export const resetPasswordSchema = z
  .object({ groupId: consumerGroupIdSchema, ...newPasswordFields.shape })
  .refine(matches, newPasswordsMatch);

export const deleteConsumerGroupSchema = z.object({ groupId: consumerGroupIdSchema });

const GENERATE_SETS = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-=@^_~"];

/**
 * A strong password that passes the DTS rule: 20 characters with all four classes, from
 * `crypto.getRandomValues` (browser and Node alike).
 */
export function generatePassword(length = 20): string {
  const pick = (set: string) => set[crypto.getRandomValues(new Uint32Array(1))[0] % set.length];
  const all = GENERATE_SETS.join("");
  const chars = [...GENERATE_SETS.map(pick), ...Array.from({ length: length - GENERATE_SETS.length }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/** Where a checkpoint reset moves a group: the data range's earliest or latest point, or a time within it. */
export const CHECKPOINT_TARGETS = ["earliest", "latest", "time"] as const;

/** Reset a group's consumption checkpoint (operator and admin), the form's fields. */
export const resetCheckpointFormSchema = z
  .object({
    target: z.enum(CHECKPOINT_TARGETS, { error: "Choose where the consumer starts." }),
    time: z.string().max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.target !== "time") return;
    if (!v.time || Number.isNaN(new Date(v.time).getTime()))
      ctx.addIssue({ code: "custom", path: ["time"], message: "Enter a date and time." });
  });
export type ResetCheckpointForm = z.input<typeof resetCheckpointFormSchema>;

export const resetCheckpointSchema = z
  .object({
    groupId: consumerGroupIdSchema,
    target: z.enum(CHECKPOINT_TARGETS, { error: "Choose where the consumer starts." }),
    time: z.iso.datetime({ offset: true, error: "Enter a date and time." }).optional(),
  })
  .refine((v) => v.target !== "time" || v.time !== undefined, { path: ["time"], error: "Enter a date and time." });
