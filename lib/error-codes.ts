/**
 * Every error code the console answers with, in actions, the consumer endpoints and (later) the
 * OpenAPI. docs/rules.md "Error codes" lists what each means. The product codes mirror DTS's
 * naming; the same code is used whatever the channel.
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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
