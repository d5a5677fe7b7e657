import { z } from "./zod";
import { ACCOUNT_PATTERN, consumerGroupIdSchema, DTS_ID_PATTERN } from "./consumer-group";
import { hasControlChars } from "./text";

/** The DTS SASL user `<account>-<consumerGroupId>`; accounts never contain "-". */
export const SASL_USER_PATTERN = new RegExp(`^(${ACCOUNT_PATTERN.source.slice(1, -1)})-(${DTS_ID_PATTERN.source.slice(1, -1)})$`);

/** Splits a SASL user into its account and group id, or null when it is not of that shape. */
export function parseSaslUser(user: string): { account: string; groupId: string } | null {
  const m = SASL_USER_PATTERN.exec(user);
  return m ? { account: m[1], groupId: m[2] } : null;
}

// Messages are keys of the `validation` catalogue; the consumer endpoints word them in the caller's
// language with the field's name ({field}) and the bound ({maximum}) (lib/consumer/http.ts).
const text = (max: number) =>
  z
    .string({ error: "validation.consumer.notString" })
    .min(1, "validation.consumer.required")
    .max(max, "validation.consumer.tooLong")
    .refine((v) => !hasControlChars(v), "validation.consumer.control");

/**
 * POST /api/consumer/connect. A user that is not of the SASL shape still parses: it is refused
 * like a wrong password, so the answer never tells which part was wrong.
 */
export const connectRequestSchema = z.object({ user: text(64), password: text(64) });

const leaseToken = z.string({ error: "validation.consumer.required" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "validation.consumer.leaseToken");

/** Checkpoints before this are not of any change tracking instance: refused, not stored. */
export const EARLIEST_CHECKPOINT = new Date("2000-01-01T00:00:00Z");
/** The most records a client may report as unconsumed (the column is a 32-bit integer). */
export const MAX_UNCONSUMED = 2_000_000_000;

/** POST /api/consumer/heartbeat: the lease, and optionally the progress the client reports. */
export const heartbeatRequestSchema = z.object({
  groupId: consumerGroupIdSchema,
  leaseToken,
  checkpoint: z.iso
    .datetime({ offset: true, error: "validation.consumer.checkpointFormat" })
    .transform((v) => new Date(v))
    .refine((d) => d >= EARLIEST_CHECKPOINT, "validation.consumer.checkpointTooEarly")
    .optional(),
  unconsumed: z
    .number({ error: "validation.consumer.wholeNumber" })
    .int("validation.consumer.wholeNumber")
    .min(0, "validation.consumer.negative")
    .max(MAX_UNCONSUMED, "validation.consumer.tooBig")
    .optional(),
});

/** POST /api/consumer/disconnect. */
export const disconnectRequestSchema = z.object({ groupId: consumerGroupIdSchema, leaseToken });
