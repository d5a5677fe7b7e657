import { createHash } from "node:crypto";
import { AccessKeyCryptoUnavailable, decryptSecret, getSecretKey } from "../auth/access-key-crypto";
import type { SessionUser } from "../auth/session";
import type { Db } from "../db/connect";
import { describeForLog } from "../db/errors";
import { admitAttempt, OPENAPI_THROTTLE } from "../throttle";
import { ACCESS_KEY_ID_PATTERN } from "../validation/access-key";
import type { HttpRefusal } from "../refusal";
import type { SignedCall } from "./request";
import { TIMESTAMP_WINDOW_MS, timestampInWindow } from "./signature";

/**
 * Who signed an OpenAPI call (docs/rules.md "OpenAPI", "AccessKeys"), checked in this order:
 * 1. the timestamp lies within 15 minutes of the server's clock;
 * 2. this client and this AccessKey are not blocked for failed signatures (throttling);
 * 3. the AccessKey exists (else InvalidAccessKeyId.NotFound, a failure);
 * 4. the signature, recomputed with its decrypted secret, matches in constant time (else
 *    SignatureDoesNotMatch, a failure, with nothing said about which part differs);
 * 5. the AccessKey is enabled (InvalidAccessKeyId.Inactive): a disabled key stops at once;
 * 6. the nonce was not used with this AccessKey within the window (SignatureNonceUsed), recorded in
 *    the database so that it holds across processes.
 * The user's role is read from the database on every call, as for a session.
 */

export type Authentication =
  | { ok: true; user: SessionUser; accessKeyId: string }
  /** `user` is set once the signature proved the caller holds the secret */
  | { ok: false; refusal: HttpRefusal; user?: SessionUser };

const NOT_FOUND: HttpRefusal = { status: 404, code: "InvalidAccessKeyId.NotFound", message: "errors.api.accessKeyNotFound" };
const MISMATCH: HttpRefusal = { status: 400, code: "SignatureDoesNotMatch", message: "errors.api.signatureMismatch" };

/** Nonces are kept hashed: bounded, and no request text in the table. */
export const nonceHash = (nonce: string) => createHash("sha256").update(nonce, "utf8").digest("base64url");

function cryptoRefusal(error: unknown): HttpRefusal {
  // The operator's configuration problem is said as the server states it (lib/auth/access-key-crypto.ts).
  const message = error instanceof AccessKeyCryptoUnavailable ? error.message : "errors.api.secretUnreadable";
  return { status: 403, code: "OperationDenied.AccessKeyEncryption", message };
}

export async function authenticateCall(db: Db, call: SignedCall, clientIp: string | null, now = new Date()): Promise<Authentication> {
  if (!timestampInWindow(call.timestamp, now)) {
    return {
      ok: false,
      refusal: {
        status: 400,
        code: "InvalidTimeStamp.Expired",
        message: "errors.api.timestampExpired",
        values: { minutes: TIMESTAMP_WINDOW_MS / 60_000 },
      },
    };
  }
  const who = { account: call.accessKeyId, client: clientIp };
  const admission = await admitAttempt(db, OPENAPI_THROTTLE, who, { now });
  if (!admission.ok) {
    return {
      ok: false,
      refusal: {
        status: 429,
        code: "Throttling.User",
        message: "errors.api.throttled",
        values: { retryAfter: String(admission.retryAfter) },
        retryAfter: admission.retryAfter,
      },
    };
  }

  const key = ACCESS_KEY_ID_PATTERN.test(call.accessKeyId)
    ? await db.accessKey.findUnique({
        where: { id: call.accessKeyId },
        select: { id: true, status: true, secretCiphertext: true, user: { select: { id: true, username: true, role: true } } },
      })
    : null;
  if (!key) {
    return { ok: false, refusal: NOT_FOUND };
  }
  let secret: string;
  try {
    secret = decryptSecret(key.secretCiphertext, key.id, getSecretKey());
  } catch (error) {
    if (!(error instanceof AccessKeyCryptoUnavailable)) console.error(`[openapi] AccessKey ${key.id}: ${describeForLog(error)}`);
    // The server's own trouble, not a guess: the attempt is given back.
    await admission.succeeded();
    return { ok: false, refusal: cryptoRefusal(error) };
  }
  if (!call.verify(secret)) {
    return { ok: false, refusal: MISMATCH };
  }
  // The signature proves the secret: whatever follows, this was no guess.
  await admission.succeeded();
  const user = key.user;
  if (key.status !== "Active") {
    return { ok: false, refusal: { status: 400, code: "InvalidAccessKeyId.Inactive", message: "errors.api.accessKeyDisabled" }, user };
  }
  const expiresAt = new Date(call.timestamp.getTime() + TIMESTAMP_WINDOW_MS);
  // One statement: of two requests with the same nonce, exactly one gets the row. A row whose
  // window has passed may be taken again (its timestamp could not be replayed anyway).
  const fresh = await db.$queryRaw<{ nonce_hash: string }[]>`
    INSERT INTO "api_nonce" ("access_key_id", "nonce_hash", "expires_at") VALUES (${key.id}, ${nonceHash(call.nonce)}, ${expiresAt})
    ON CONFLICT ("access_key_id", "nonce_hash") DO UPDATE SET "expires_at" = EXCLUDED."expires_at" WHERE "api_nonce"."expires_at" < ${now}
    RETURNING "nonce_hash"`;
  if (fresh.length === 0) {
    return {
      ok: false,
      refusal: { status: 400, code: "SignatureNonceUsed", message: "errors.api.nonceUsed" },
      user,
    };
  }
  await db.$executeRaw`DELETE FROM "api_nonce" WHERE "expires_at" < ${now}`;
  await db.accessKey.updateMany({ where: { id: key.id }, data: { lastUsedAt: now, lastUsedIp: clientIp?.slice(0, 64) ?? null } });
  return { ok: true, user, accessKeyId: key.id };
}
