import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * AccessKey secrets at rest (docs/rules.md "AccessKeys"): AES-256-GCM under a key that never sits
 * in the database. The signature check needs the secret itself (it is an HMAC key), so it is
 * encrypted rather than hashed; the AccessKey ID is the additional authenticated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * The key is DTS_SECRET_KEY (32 bytes, base64) when set. Without it, an embedded PGlite console
 * (one process) generates one into its data folder; a PostgreSQL console (DATABASE_URL) refuses:
 * several processes would each invent a different key and could not read each other's secrets.
 */

export const SECRET_KEY_ENV = "DTS_SECRET_KEY";
const FORMAT = "v1";

/** AccessKeys cannot be used: no usable encryption key. The message says what to set. */
export class AccessKeyCryptoUnavailable extends Error {
  override name = "AccessKeyCryptoUnavailable";
}

type Env = Record<string, string | undefined>;

let cached: { source: string; key: Buffer } | null = null;

function decodeKey(value: string): Buffer {
  const key = Buffer.from(value.trim(), "base64");
  if (key.length !== 32) {
    throw new AccessKeyCryptoUnavailable(
      `${SECRET_KEY_ENV} must be 32 bytes in base64 (openssl rand -base64 32); it is ${key.length} bytes.`,
    );
  }
  return key;
}

function fileKey(dir: string): Buffer {
  const file = path.join(dir, "secret-key");
  try {
    return decodeKey(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dir, { recursive: true });
  // "wx" fails if another worker wrote it first; then read theirs.
  try {
    writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return decodeKey(readFileSync(file, "utf8"));
}

/**
 * The encryption key of AccessKey secrets, or AccessKeyCryptoUnavailable saying why there is none.
 * `dataDir` is where an embedded console keeps its generated key (`.data`, beside the auth secret).
 */
export function getSecretKey(env: Env = process.env, dataDir = path.join(/* turbopackIgnore: true */ process.cwd(), ".data")): Buffer {
  const configured = env[SECRET_KEY_ENV];
  const source = configured ? `env:${configured}` : env.DATABASE_URL ? "none" : `file:${dataDir}`;
  if (cached?.source === source) return cached.key;
  let key: Buffer;
  if (configured) key = decodeKey(configured);
  else if (env.DATABASE_URL) {
    throw new AccessKeyCryptoUnavailable(
      `AccessKeys are off: set ${SECRET_KEY_ENV} (32 bytes, base64: openssl rand -base64 32) when the console runs on PostgreSQL (DATABASE_URL), the same value in every process.`,
    );
  } else key = fileKey(dataDir);
  cached = { source, key };
  return key;
}

/** Why AccessKeys are unavailable, or null when they work: for the page and the API's answer. */
export function accessKeyCryptoProblem(env: Env = process.env): string | null {
  try {
    getSecretKey(env);
    return null;
  } catch (error) {
    if (error instanceof AccessKeyCryptoUnavailable) return error.message;
    throw error;
  }
}

/** Encrypts an AccessKey secret for the row of `accessKeyId`: `v1:` and base64url(iv ‖ tag ‖ ciphertext). */
export function encryptSecret(secret: string, accessKeyId: string, key: Buffer = getSecretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(accessKeyId, "utf8"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The secret of the row of `accessKeyId`; throws when the ciphertext was made with another key or for another row. */
export function decryptSecret(ciphertext: string, accessKeyId: string, key: Buffer = getSecretKey()): string {
  const [format, data] = ciphertext.split(":", 2);
  if (format !== FORMAT || !data) throw new Error("Unknown AccessKey secret format.");
  const raw = Buffer.from(data, "base64url");
  if (raw.length < 29) throw new Error("Truncated AccessKey secret.");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(accessKeyId, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
