import "server-only";
import type { z } from "zod";
import type { SessionUser } from "../auth/session";
import { can, type Permission } from "../auth/roles";
import { describeForLog, mapDbError } from "../db/errors";
import { fail, type ActionResult, type ErrorCode } from "./result";

export interface ActionSpec<S extends z.ZodType, T> {
  /** For the log and the audit trail. */
  name: string;
  permission: Permission;
  schema: S;
  /** Picks the error code for invalid input from the fields that failed. */
  invalidCode?: (fields: string[]) => ErrorCode;
  handler: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T>>;
  /** Pages whose server-rendered data a success changes. */
  revalidate?: (input: z.output<S>, data: T) => string[];
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

/**
 * Runs an action for a given user: role check, input parse, handler, database refusals mapped to
 * codes, anything unexpected logged and returned as a generic message. Never throws.
 */
export async function runAction<S extends z.ZodType, T>(
  spec: ActionSpec<S, T>,
  input: unknown,
  user: SessionUser | null,
): Promise<ActionResult<T>> {
  if (!user) return fail("Unauthorized", "Your session has ended. Sign in again.");
  if (!can(user.role, spec.permission)) {
    return fail("Forbidden.Role", `Your role (${user.role}) is not allowed to do this.`);
  }
  const parsed = spec.schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const code = spec.invalidCode?.(Object.keys(fieldErrors)) ?? "InvalidParameter";
    return fail(code, "Check the highlighted fields.", fieldErrors);
  }
  try {
    return await spec.handler(parsed.data, user);
  } catch (error) {
    const refusal = mapDbError(error);
    if (refusal) return fail(refusal.code, refusal.message, refusal.field ? { [refusal.field]: refusal.message } : undefined);
    console.error(`[action ${spec.name}] unexpected error: ${describeForLog(error)}`);
    return fail("InternalError", "Something went wrong on our side. Nothing was changed; try again.");
  }
}
