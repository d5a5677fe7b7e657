/** Error codes of SPEC.md, plus the generic ones every action may return. */
export type ErrorCode =
  | "QuotaExceeded.ConsumerGroup"
  | "InvalidParameter.UserName"
  | "InvalidParameter.Password"
  | "InvalidParameter"
  | "ConsumerGroup.AlreadyExists"
  | "OperationDenied.InstanceStatus"
  | "Forbidden.Role"
  | "Throttling.User"
  | "Unauthorized"
  | "NotFound"
  | "InternalError";

/** The one result type of every server action. */
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function fail(code: ErrorCode, message: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}
