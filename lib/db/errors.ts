import type { ErrorCode } from "../error-codes";

export interface DbRefusal {
  code: ErrorCode;
  message: string;
  field?: string;
}

// Each database rule, by the name of the constraint (or the trigger's code) that reports it.
const REFUSALS: { match: RegExp; refusal: DbRefusal }[] = [
  {
    match: /instance_consumer_group_count_check/,
    refusal: {
      code: "QuotaExceeded.ConsumerGroup",
      message: "This instance already has 20 consumer groups, the most it can have. Delete one to add another.",
    },
  },
  {
    match: /OperationDenied\.InstanceStatus|consumer_group_instance_status_check/,
    refusal: {
      code: "OperationDenied.InstanceStatus",
      message: "Consumer groups can be created only while the instance is Normal.",
    },
  },
  {
    match: /consumer_group_instance_id_name_key|\(`instance_id`, `name`\)/,
    refusal: {
      code: "ConsumerGroup.AlreadyExists",
      message: "A consumer group with this name already exists in this instance.",
      field: "name",
    },
  },
  {
    match: /consumer_group_username_check/,
    refusal: {
      code: "InvalidParameter.UserName",
      message: "The account can contain only letters, digits and underscores (_), 1 to 16 characters.",
      field: "account",
    },
  },
  {
    match: /consumer_group_name_check/,
    refusal: { code: "InvalidParameter", message: "The name must be 1 to 128 characters long.", field: "name" },
  },
  {
    match: /consumer_group_instance_id_fkey/,
    refusal: { code: "NotFound", message: "The change tracking instance no longer exists." },
  },
];

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: unknown }).meta;
  let text = error.message;
  try {
    if (meta) text += ` ${JSON.stringify(meta)}`;
  } catch {
    // A circular meta object still leaves the message to match on.
  }
  if (error.cause) text += ` ${describeError(error.cause)}`;
  return text;
}

/** Maps a database refusal (constraint or trigger) to a product error, or null for anything else. */
export function mapDbError(error: unknown): DbRefusal | null {
  const text = describeError(error);
  return REFUSALS.find((r) => r.match.test(text))?.refusal ?? null;
}

/**
 * A one-line description safe for the server log: PostgreSQL's "Failing row contains (…)" detail
 * would print a password hash, so row contents and hashes are cut out.
 */
export function describeForLog(error: unknown): string {
  return describeError(error)
    .replace(/Failing row contains \(.*?\)\.?/g, "Failing row contains (…)")
    .replace(/\$argon2[a-z]*\$[^\s"',)]*/g, "[hash]")
    .slice(0, 2000);
}
