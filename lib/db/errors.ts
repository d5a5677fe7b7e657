import type { ErrorCode } from "../error-codes";
import { DATABASE_UNAVAILABLE_DIGEST } from "./unavailable";

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
  "notification_channel:name": "notification_channel_name_key",
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
    notification_channel_recipients_check: { code: "InvalidParameter", field: "recipients" },
    notification_channel_kind_check: { code: "InvalidParameter", field: "format" },
    app_user_access_key_count_check: { code: "QuotaExceeded.AccessKey" },
  },
  "23505": {
    consumer_group_instance_id_name_key: { code: "ConsumerGroup.AlreadyExists", field: "name" },
    notification_channel_name_key: { code: "InvalidParameter", field: "name" },
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
    return {
      originalCode: raw.code,
      originalMessage: raw.message,
      constraint: typeof raw.constraint === "string" ? { index: raw.constraint } : undefined,
    };
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

// How a lost or unreachable database shows itself: Prisma's connection codes, the driver
// adapter's error kinds, PostgreSQL's connection-exception and shutdown SQLSTATEs, and the socket
// errors of node-postgres.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123])$/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
// node-postgres raises these without any code; they are its own fixed texts, not the server's.
const UNAVAILABLE_DRIVER_MESSAGES =
  /^(Connection terminated unexpectedly|Connection terminated due to connection timeout|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

/**
 * Whether an error means the database could not be reached or dropped the connection (as opposed
 * to refusing a statement): the request may succeed once the database is back.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
  };
  if (
    typeof e.code === "string" &&
    (UNAVAILABLE_PRISMA_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.test(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code))
  )
    return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_DRIVER_MESSAGES.test(e.message)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause && isDatabaseUnavailable(adapterCause, depth + 1)) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * The database could not be reached. Its `digest` is kept by Next.js as the error crosses to the
 * browser (other errors get a hash), so the error page can say what happened without a stack.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    // For the server log only: the error page words it from the digest, in the page's language.
    super("The database is unreachable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}
