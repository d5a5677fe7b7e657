import "server-only";
import type { z } from "../validation/zod";
import type { SessionUser } from "../auth/session";
import { can, type Permission } from "../auth/roles";
import { writeAnonymousRefusal, writeAudit, type AuditAction, type AuditChannel } from "../audit";
import { getDb } from "../db";
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
  /** Writes this action's success record; call it inside the transaction of the change. */
  audit: (
    db: Parameters<typeof writeAudit>[0],
    target?: { instanceId?: string | null; groupId?: string | null; accessKeyId?: string | null },
  ) => Promise<void>;
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** The audit trail's name for the action. */
  name: AuditAction;
  permission: Permission;
  schema: S;
  /** Picks the error code for invalid input from the fields that failed. */
  invalidCode?: (fields: string[]) => ErrorCode;
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>;
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
 * Runs an action for a given user: role check, input parse, handler, database refusals mapped to
 * codes, anything unexpected logged and returned as a generic message. Every refusal is audited;
 * successes are audited by the handler in the transaction of the change. Never throws.
 */
export async function runAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  input: unknown,
  user: SessionUser | null,
  ip: string | null = null,
  via: ActionVia = { channel: "console" },
): Promise<ActionResult<T>> {
  return localizeResult(await runActionKeyed(spec, input, user, ip, via), via.locale ?? DEFAULT_LOCALE);
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

async function runActionKeyed<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  input: unknown,
  user: SessionUser | null,
  ip: string | null = null,
  via: ActionVia = { channel: "console" },
): Promise<ActionResult<T>> {
  const raw = input && typeof input === "object" ? (input as Record<string, unknown>) : {};
  const rawTarget = { instanceId: idOf(raw.instanceId), groupId: idOf(raw.groupId) };
  // The AccessKey an API call was signed with, else the one an AccessKey action is about.
  const origin = { channel: via.channel, accessKeyId: via.accessKeyId ?? accessKeyIdOf(raw.accessKeyId) };
  const refuse = async (result: ActionFailure): Promise<ActionResult<T>> => {
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
  const ctx: ActionContext = {
    user,
    ip,
    via,
    audit: (db, target) =>
      writeAudit(db, {
        username: user.username,
        role: user.role,
        action: spec.name,
        instanceId: target?.instanceId ?? rawTarget.instanceId,
        groupId: target?.groupId ?? rawTarget.groupId,
        clientIp: ip,
        channel: origin.channel,
        accessKeyId: via.accessKeyId ?? target?.accessKeyId ?? origin.accessKeyId,
      }),
  };
  let result: ActionResult<T>;
  try {
    result = await spec.handler(parsed.data, ctx);
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
