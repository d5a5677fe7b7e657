import "server-only";
import type { z } from "../validation/zod";
import type { SessionUser } from "../auth/session";
import { can, type Permission } from "../auth/roles";
import { writeAnonymousRefusal, writeAudit, type AuditAction, type AuditChannel } from "../audit";
import { getDb, type Tx } from "../db";
import { describeForLog, isDatabaseUnavailable, mapDbError } from "../db/errors";
import { ACCESS_KEY_ID_PATTERN } from "../validation/access-key";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { localize } from "@/i18n/translate";
import { fail, type ActionFailure, type ActionResult, type ErrorCode } from "./result";

/** What each database refusal tells the user, by constraint name or code: message keys. */
const DB_REFUSAL_MESSAGES: Partial<Record<string, string>> = {
  "QuotaExceeded.ConsumerGroup": "errors.quotaExceeded",
  "OperationDenied.InstanceStatus": "errors.instanceNotNormal",
  "ConsumerGroup.AlreadyExists": "errors.nameTaken",
  "InvalidParameter.UserName": "validation.account.rule",
  consumer_group_name_check: "errors.nameLength",
  consumer_group_name_text_check: "errors.nameText",
  NotFound: "errors.instanceGone",
  consumer_group_checkpoint_range_check: "errors.checkpointOutOfRange",
  "QuotaExceeded.AccessKey": "errors.accessKeyQuota",
  notification_channel_name_key: "validation.channel.nameTaken",
};

/** What an action answers while the database cannot be reached (it may be back in a moment). */
export const DATABASE_UNAVAILABLE_MESSAGE = "errors.databaseUnavailable";

/**
 * The answer for an action that could not reach the database. Not audited: the record could not
 * be written either; the server log has the line.
 */
export function databaseUnavailable(action: AuditAction, error: unknown): ActionFailure {
  console.error(`[action ${action}] database unreachable: ${describeForLog(error)}`);
  return fail("InternalError", DATABASE_UNAVAILABLE_MESSAGE);
}

/** Where an action was asked for: the console's pages, or the OpenAPI with the AccessKey that signed the call. */
export interface ActionVia {
  channel: AuditChannel;
  accessKeyId?: string;
  /** The language refusals are worded in (docs/rules.md "Languages"); English unless given. */
  locale?: Locale;
}

export interface ActionContext {
  user: SessionUser;
  ip: string | null;
  /** console unless the OpenAPI asked (absent in hand-made contexts of tests) */
  via?: ActionVia;
}

/** What an action's success record names besides the action, who asked and from where. */
export interface AuditTarget {
  instanceId?: string | null;
  groupId?: string | null;
  accessKeyId?: string | null;
}

/**
 * A write, declared: who may do it, what it takes, and its steps, which one runner performs
 * (`runAction`) for the console's pages and the OpenAPI alike.
 * - `prepare` (optional): reads and checks that may refuse, and the work that must not hold a
 *   connection while it runs (an argon2id hash, a DNS lookup), before the transaction.
 * - `change`: the write itself, in the transaction the runner opens; a refusal rolls it back.
 * - `audit`: what the success record names; the runner writes it in that same transaction, so
 *   there is no change without its record and no record without its change.
 * - `after` (optional): work once the change committed (a test delivery), which makes the answer.
 * Methods, not function properties: a spec's own `prepared` type narrows the interface's.
 */
export interface ActionSpec<S extends z.ZodType, T, P = unknown, C = T> {
  /** The audit trail's name for the action. */
  name: AuditAction;
  permission: Permission;
  schema: S;
  /** Picks the error code for invalid input from the fields that failed. */
  invalidCode?: (fields: string[]) => ErrorCode;
  prepare?(input: z.output<S>, ctx: ActionContext): Promise<ActionResult<P>>;
  change(tx: Tx, input: z.output<S>, prepared: P, ctx: ActionContext): Promise<ActionResult<C>>;
  audit(input: z.output<S>, data: C): AuditTarget;
  after?(data: C, ctx: ActionContext): Promise<ActionResult<T>>;
}

/** Any spec, whatever its types (methods are checked bivariantly, so each spec fits). */
export type AnySpec = ActionSpec<z.ZodType, unknown, unknown, unknown>;

/** What an action answers with: its `after`'s data, else its change's. */
export type AnswerOf<A> = A extends { after(...args: never[]): Promise<ActionResult<infer T>> }
  ? T
  : A extends { change(...args: never[]): Promise<ActionResult<infer C>> }
    ? C
    : never;

/** A refusal from inside the change: thrown to roll its transaction back, then answered. */
class Rollback extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.code);
  }
}

/**
 * Performs a parsed action's steps (see ActionSpec); `record` writes the success record in the
 * change's transaction. Refusals are answered; anything unexpected is thrown (runAction maps it).
 */
export async function performAction<S extends z.ZodType, T, P, C>(
  spec: ActionSpec<S, T, P, C>,
  input: z.output<S>,
  ctx: ActionContext,
  record: (tx: Tx, target: AuditTarget) => Promise<void>,
): Promise<ActionResult<T>> {
  let prepared = undefined as P;
  if (spec.prepare) {
    const ready = await spec.prepare(input, ctx);
    if (!ready.ok) return ready;
    prepared = ready.data;
  }
  const db = await getDb();
  let changed: C;
  try {
    changed = await db.$transaction(async (tx) => {
      const result = await spec.change(tx, input, prepared, ctx);
      if (!result.ok) throw new Rollback(result);
      await record(tx, spec.audit(input, result.data));
      return result.data;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure;
    throw error;
  }
  return spec.after ? spec.after(changed, ctx) : { ok: true, data: changed as unknown as T };
}

/** First message per field, in the shape react-hook-form's setError takes. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "root";
    out[key] ??= issue.message;
  }
  return out;
}

/** An id from raw input, for the refusal record: only when it has the shape of one. */
const idOf = (v: unknown) => (typeof v === "string" && DTS_ID_PATTERN.test(v) ? v : null);
const accessKeyIdOf = (v: unknown) => (typeof v === "string" && ACCESS_KEY_ID_PATTERN.test(v) ? v : null);

/**
 * Runs an action for a given user: role check, input parse, its steps (performAction), database
 * refusals mapped to codes, anything unexpected logged and returned as a generic message. Every
 * refusal is audited; every success in the transaction of its change. Never throws.
 */
export async function runAction<A extends AnySpec>(
  spec: A,
  input: unknown,
  user: SessionUser | null,
  ip: string | null = null,
  via: ActionVia = { channel: "console" },
): Promise<ActionResult<AnswerOf<A>>> {
  const result = await runActionKeyed(spec, input, user, ip, via);
  return localizeResult(result as ActionResult<AnswerOf<A>>, via.locale ?? DEFAULT_LOCALE);
}

/** A result's message keys in the locale, their values dropped: what the caller is sent. */
export function localizeResult<T>(result: ActionResult<T>, locale: Locale): ActionResult<T> {
  if (result.ok) return result;
  const { values, fieldErrors, ...rest } = result;
  const out: ActionFailure = { ...rest, message: localize(locale, result.message, values) };
  if (fieldErrors) {
    out.fieldErrors = Object.fromEntries(Object.entries(fieldErrors).map(([field, text]) => [field, localize(locale, text, values)]));
  }
  return out;
}

async function runActionKeyed(
  spec: AnySpec,
  input: unknown,
  user: SessionUser | null,
  ip: string | null,
  via: ActionVia,
): Promise<ActionResult<unknown>> {
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const rawTarget = { instanceId: idOf(raw.instanceId), groupId: idOf(raw.groupId) };
  // The AccessKey an API call was signed with, else the one an AccessKey action is about.
  const origin = { channel: via.channel, accessKeyId: via.accessKeyId ?? accessKeyIdOf(raw.accessKeyId) };
  const refuse = async (result: ActionFailure): Promise<ActionResult<unknown>> => {
    try {
      const db = await getDb();
      const entry = {
        username: user?.username ?? "anonymous",
        role: user?.role ?? null,
        action: spec.name,
        instanceId: rawTarget.instanceId,
        groupId: rawTarget.groupId,
        errorCode: result.code,
        clientIp: ip,
        ...origin,
      };
      // Anyone can send a request without a session: those refusals are rate-limited per client.
      if (user) await writeAudit(db, entry);
      else await writeAnonymousRefusal(db, entry);
    } catch (error) {
      console.error(`[audit ${spec.name}] could not record a refusal: ${describeForLog(error)}`);
    }
    return result;
  };

  if (!user) return refuse(fail("Unauthorized", "errors.sessionEnded"));
  if (!can(user.role, spec.permission)) {
    return refuse(fail("Forbidden.Role", "errors.roleForbidden", undefined, { role: user.role }));
  }
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const code = spec.invalidCode?.(Object.keys(fieldErrors)) ?? "InvalidParameter";
    return refuse(fail(code, "errors.checkFields", fieldErrors));
  }
  const record = (tx: Tx, target: AuditTarget) =>
    writeAudit(tx, {
      username: user.username,
      role: user.role,
      action: spec.name,
      instanceId: target.instanceId ?? rawTarget.instanceId,
      groupId: target.groupId ?? rawTarget.groupId,
      clientIp: ip,
      channel: origin.channel,
      accessKeyId: via.accessKeyId ?? target.accessKeyId ?? origin.accessKeyId,
    });
  let result: ActionResult<unknown>;
  try {
    result = await performAction(spec, parsed.data, { user, ip, via }, record);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailable(spec.name, error);
    const refusal = mapDbError(error);
    if (refusal) {
      const message = DB_REFUSAL_MESSAGES[refusal.constraint] ?? DB_REFUSAL_MESSAGES[refusal.code] ?? "errors.databaseRefused";
      return refuse(fail(refusal.code, message, refusal.field ? { [refusal.field]: message } : undefined));
    }
    console.error(`[action ${spec.name}] unexpected error: ${describeForLog(error)}`);
    return refuse(fail("InternalError", "errors.internal"));
  }
  if (!result.ok) return refuse(result);
  return result;
}
