import { z } from "./zod";
import { ACCESS_KEY_ID_PATTERN } from "./rules";

export { ACCESS_KEY_ID_PATTERN, ACCESS_KEY_QUOTA } from "./rules";

export const accessKeyIdSchema = z
  .string({ error: "validation.accessKey.unknown" })
  .regex(ACCESS_KEY_ID_PATTERN, "validation.accessKey.unknown");

/** Create an AccessKey: for oneself, or (admins) for the user named. */
export const createAccessKeySchema = z.object({
  userId: z.string().min(1).max(64).optional(),
});

/** Disable, enable or delete one AccessKey. */
export const accessKeyTargetSchema = z.object({ accessKeyId: accessKeyIdSchema });
