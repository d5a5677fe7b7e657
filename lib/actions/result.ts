import type { ErrorCode } from "../error-codes";

export type { ErrorCode };

/** The one result type of every server action. */
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function fail(code: ErrorCode, message: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
