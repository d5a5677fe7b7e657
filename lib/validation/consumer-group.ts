import { z } from "zod";

export const CONSUMER_GROUP_QUOTA = 20;

/** The password rule of DTS, in the words the dialog shows. */
export const PASSWORD_RULE =
  "8 to 32 characters, with at least two of: uppercase letters, lowercase letters, digits, special characters.";
export const ACCOUNT_RULE = "1 to 16 characters: uppercase and lowercase letters, digits and underscores (_).";
export const NAME_RULE = "At most 128 characters. A descriptive name makes the group easy to find.";

const PASSWORD_CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** How many of the four DTS character classes a password uses. */
export function countPasswordClasses(password: string): number {
  return PASSWORD_CLASSES.filter((re) => re.test(password)).length;
}

export const consumerGroupNameSchema = z
  .string({ error: "Enter a consumer group name." })
  .trim()
  .min(1, "Enter a consumer group name.")
  .max(128, "The name can be at most 128 characters long.");

export const consumerGroupAccountSchema = z
  .string({ error: "Enter an account." })
  .min(1, "Enter an account.")
  .max(16, "The account can be at most 16 characters long.")
  .regex(/^[A-Za-z0-9_]*$/, "The account can contain only letters, digits and underscores (_).");

export const consumerGroupPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(1, "Enter a password.")
  .min(8, "The password must be at least 8 characters long.")
  .max(32, "The password can be at most 32 characters long.")
  // Printable ASCII without spaces: the password travels as a SASL PLAIN credential.
  .regex(/^[\x21-\x7e]*$/, "Use letters, digits and special characters only, without spaces.")
  .refine((p) => countPasswordClasses(p) >= 2, {
    message: "Use at least two of: uppercase letters, lowercase letters, digits, special characters.",
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
  message: "The passwords do not match.",
  // Say so as soon as both passwords are valid, even while another field still has an error.
  when: (payload) => passwordPair.safeParse(payload.value).success,
});

export type CreateConsumerGroupForm = z.input<typeof createConsumerGroupFormSchema>;

export const instanceIdSchema = z.string().regex(/^dts[a-z0-9]{6,29}$/, "Unknown change tracking instance.");

export const createConsumerGroupSchema = z
  .object({ instanceId: instanceIdSchema, ...createFields.shape })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
    when: (payload) => passwordPair.safeParse(payload.value).success,
  });

export type CreateConsumerGroupInput = z.input<typeof createConsumerGroupSchema>;
