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

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} is required and must be a string.` })
    .min(1, `${name} is required.`)
    .max(max, `${name} is at most ${max} characters.`)
    .refine((v) => !hasControlChars(v), `${name} cannot contain control characters.`);

/**
 * POST /api/consumer/connect. A user that is not of the SASL shape still parses: it is refused
 * like a wrong password, so the answer never tells which part was wrong.
 */
export const connectRequestSchema = z.object({ user: text("user", 64), password: text("password", 64) });

const leaseToken = z.string({ error: "leaseToken is required." }).regex(/^[A-Za-z0-9_-]{16,64}$/, "leaseToken is not a lease token.");

/** Checkpoints before this are not of any change tracking instance: refused, not stored. */
export const EARLIEST_CHECKPOINT = new Date("2000-01-01T00:00:00Z");
/** The most records a client may report as unconsumed (the column is a 32-bit integer). */
export const MAX_UNCONSUMED = 2_000_000_000;

/** POST /api/consumer/heartbeat: the lease, and optionally the progress the client reports. */
export const heartbeatRequestSchema = z.object({
  groupId: consumerGroupIdSchema,
  leaseToken,
  checkpoint: z.iso
    .datetime({ offset: true, error: "checkpoint must be an ISO 8601 time, such as 2026-11-28T10:00:00Z." })
    .transform((v) => new Date(v))
    .refine((d) => d >= EARLIEST_CHECKPOINT, "checkpoint is before 2000, which no change tracking instance holds.")
    .optional(),
  unconsumed: z
    .number({ error: "unconsumed must be a whole number." })
    .int("unconsumed must be a whole number.")
    .min(0, "unconsumed cannot be negative.")
    .max(MAX_UNCONSUMED, `unconsumed is at most ${MAX_UNCONSUMED}.`)
    .optional(),
});

/** POST /api/consumer/disconnect. */
export const disconnectRequestSchema = z.object({ groupId: consumerGroupIdSchema, leaseToken });
