import type { ErrorCode } from "../error-codes";

/** What the database said, in the stable terms PostgreSQL gives: SQLSTATE and constraint name. */
export interface DbViolation {
  sqlstate: string;
  constraint: string | null;
}

/** A database refusal as the product names it: the code, and the form field it is about. */
export interface DbRefusal {
  code: ErrorCode;
  field?: string;
  constraint: string;
}

/** Unique constraints by their columns, for drivers that report the columns instead of the name. */
const UNIQUE_BY_FIELDS: Record<string, string> = {
  "consumer_group:instance_id,name": "consumer_group_instance_id_name_key",
  "app_user:username": "app_user_username_key",
};

// Each rule of the migrations, by SQLSTATE and the constraint (or the trigger's constraint) name.
const REFUSALS: Record<string, Record<string, Omit<DbRefusal, "constraint">>> = {
  "23514": {
    instance_consumer_group_count_check: { code: "QuotaExceeded.ConsumerGroup" },
    consumer_group_instance_status_check: { code: "OperationDenied.InstanceStatus" },
    consumer_group_username_check: { code: "InvalidParameter.UserName", field: "account" },
    consumer_group_name_check: { code: "InvalidParameter", field: "name" },
    consumer_group_name_text_check: { code: "InvalidParameter", field: "name" },
    consumer_group_checkpoint_range_check: { code: "InvalidParameter", field: "time" },
  },
  "23505": {
    consumer_group_instance_id_name_key: { code: "ConsumerGroup.AlreadyExists", field: "name" },
  },
  "23503": {
    consumer_group_instance_id_fkey: { code: "NotFound" },
  },
};

interface AdapterCause {
  originalCode?: unknown;
  originalMessage?: unknown;
  constraint?: { index?: unknown; fields?: unknown };
  message?: unknown;
}

function adapterCause(error: unknown): AdapterCause | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause && typeof cause === "object") return cause;
  // Raw SQL runners (pg, PGlite) throw PostgreSQL's own error object.
  const raw = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (raw && typeof raw.code === "string" && /^[0-9A-Z]{5}$/.test(raw.code)) {
    return { originalCode: raw.code, originalMessage: raw.message, constraint: typeof raw.constraint === "string" ? { index: raw.constraint } : undefined };
  }
  return null;
}

/**
 * The SQLSTATE and constraint name of a database error, or null for anything else. The name
 * comes from the driver's structured fields where it gives them; PostgreSQL's own message format
 * ("violates check constraint "x"") where it does not; and the migrations' triggers start their
 * messages with the constraint name they enforce.
 */
export function dbViolation(error: unknown): DbViolation | null {
  const cause = adapterCause(error);
  if (!cause || typeof cause.originalCode !== "string") return null;
  const message = typeof cause.originalMessage === "string" ? cause.originalMessage : "";
  let constraint: string | null = typeof cause.constraint?.index === "string" ? cause.constraint.index : null;
  if (!constraint && Array.isArray(cause.constraint?.fields)) {
    const table = /relation "([^"]+)"/.exec(message)?.[1] ?? "consumer_group";
    constraint = UNIQUE_BY_FIELDS[`${table}:${cause.constraint.fields.join(",")}`] ?? null;
  }
  constraint ??= /constraint "([^"]+)"/.exec(message)?.[1] ?? /^([a-z_]+_check):/.exec(message)?.[1] ?? null;
  return { sqlstate: cause.originalCode, constraint };
}

/** Maps a database refusal (constraint or trigger) to a product error code, or null for anything else. */
export function mapDbError(error: unknown): DbRefusal | null {
  const v = dbViolation(error);
  if (!v?.constraint) return null;
  const refusal = (REFUSALS[v.sqlstate] as Record<string, Omit<DbRefusal, "constraint">> | undefined)?.[v.constraint];
  return refusal ? { ...refusal, constraint: v.constraint } : null;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: unknown }).meta;
  let text = error.message;
  try {
    if (meta) text += ` ${JSON.stringify(meta)}`;
  } catch {
    // A circular meta object still leaves the message.
  }
  if (error.cause) text += ` ${describeError(error.cause)}`;
  return text;
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
