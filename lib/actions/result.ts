import type { ErrorCode } from "../error-codes";
import type { Refusal } from "../refusal";

export type { ErrorCode };

/**
 * The one result type of every server action. Inside lib, `message` and the field errors are
 * message keys (`errors.quotaExceeded`, docs/rules.md "Languages") with `values` for their
 * placeholders; runAction answers them in the caller's language, without `values`.
 */
export type ActionFailure = { ok: false } & Refusal;
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function fail(
  code: ErrorCode,
  message: string,
  fieldErrors?: Record<string, string>,
  values?: Record<string, string | number>,
): ActionFailure {
  return { ok: false, code, message, ...(fieldErrors ? { fieldErrors } : {}), ...(values ? { values } : {}) };
}
