import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane): slow for an attacker, about 30 ms here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the PHC string is the only form a password is ever stored in. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when the password matches the stored hash; false for a malformed hash instead of throwing. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A valid argon2id hash of a random password, to verify against when the account is unknown. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`unknown-${Math.random()}`);
  return dummyHash;
}
