import "server-only";
import { AccessKeyCryptoUnavailable, getSecretKey } from "../auth/access-key-crypto";
import { fail, type ActionResult } from "./result";

/**
 * The key that seals stored secrets (AccessKey secrets, webhook signing secrets), or the refusal
 * a write gets while the server has none (docs/rules.md "AccessKeys"). Any other error is thrown.
 */
export function secretKeyForWrite(): ActionResult<Buffer> {
  try {
    return { ok: true, data: getSecretKey() };
  } catch (error) {
    if (error instanceof AccessKeyCryptoUnavailable) return fail("OperationDenied.AccessKeyEncryption", error.message);
    throw error;
  }
}
