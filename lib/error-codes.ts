/**
 * Every error code the console answers with, in actions, the consumer endpoints and the OpenAPI.
 * docs/rules.md "Error codes" lists what each means. The product codes mirror DTS's naming; the
 * same code is used whatever the channel. The OpenAPI's authentication codes are the Alibaba Cloud
 * gateway's own (docs/rules.md "OpenAPI").
 */
export const ERROR_CODES = [
  "QuotaExceeded.ConsumerGroup",
  "InvalidParameter.UserName",
  "InvalidParameter.Password",
  "InvalidParameter",
  "ConsumerGroup.AlreadyExists",
  "ConsumerGroup.ConsumerExists",
  "OperationDenied.InstanceStatus",
  /** a checkpoint reset while a consumer is connected */
  "OperationDenied.ConsumerConnected",
  "Forbidden.Role",
  "Throttling.User",
  "Unauthorized",
  "NotFound",
  "Lease.Expired",
  "InternalError",
  // What the proxy answers for server-action requests Next.js would fail on (lib/security/action-guard.ts).
  "Forbidden.Origin",
  "PayloadTooLarge",
  "UnsupportedMediaType",
  "QuotaExceeded.AccessKey",
  "OperationDenied.AccessKeyEncryption",
  // The OpenAPI gateway's answers.
  "MissingParameter",
  "InvalidApi.NotFound",
  "InvalidVersion",
  "IncompleteSignature",
  "InvalidTimeStamp.Format",
  "InvalidTimeStamp.Expired",
  "InvalidAccessKeyId.NotFound",
  "InvalidAccessKeyId.Inactive",
  "SignatureDoesNotMatch",
  "SignatureNonceUsed",
  "Forbidden.RAM",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The HTTP status of a refusal, whichever channel answers it (route handlers, the audit export,
 * the OpenAPI): one table, so a code means the same status everywhere.
 */
export function httpStatusOf(code: ErrorCode): number {
  if (code === "NotFound" || code === "InvalidAccessKeyId.NotFound" || code === "InvalidApi.NotFound") return 404;
  if (code.startsWith("OperationDenied.") || code.startsWith("Forbidden.")) return 403;
  if (code === "Throttling.User") return 429;
  if (code === "Unauthorized") return 401;
  if (code === "InternalError") return 503;
  return 400;
}
