import { z } from "./zod";

/**
 * The rules of AccessKeys (docs/rules.md "AccessKeys"), each written once here; the migration
 * `20261128300000_openapi` repeats them in CHECKs and test/rule-constants.test.ts compares the two.
 */
export const ACCESS_KEY_QUOTA = 2;
/** `LTAI` and 20 letters or digits, the shape of an Alibaba Cloud AccessKey ID. */
export const ACCESS_KEY_ID_PATTERN = /^LTAI[A-Za-z0-9]{20}$/;

export const accessKeyIdSchema = z
  .string({ error: "validation.accessKey.unknown" })
  .regex(ACCESS_KEY_ID_PATTERN, "validation.accessKey.unknown");

/** Create an AccessKey: for oneself, or (admins) for the user named. */
export const createAccessKeySchema = z.object({
  userId: z.string().min(1).max(64).optional(),
});

/** Disable, enable or delete one AccessKey. */
export const accessKeyTargetSchema = z.object({ accessKeyId: accessKeyIdSchema });
