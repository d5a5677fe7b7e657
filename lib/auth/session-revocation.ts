import type { JWT } from "next-auth/jwt";
import type { Db } from "../db/connect";
import { SESSION_MAX_AGE } from "./session-policy";

/** Ends one session for good (sign-out): its token is refused until it would have expired anyway. */
export async function revokeSession(db: Db, token: JWT | null): Promise<void> {
  if (!token || typeof token.sid !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(token.sid)) return;
  // Kept until the session could not be alive anyway: 8 hours from sign-in (or the token's expiry).
  const until = Math.max(typeof token.exp === "number" ? token.exp : 0, typeof token.at === "number" ? token.at + SESSION_MAX_AGE : 0);
  const expiresAt = new Date(until > 0 ? until * 1000 : Date.now() + 24 * 3600_000);
  await db.revokedSession.upsert({ where: { sessionId: token.sid }, create: { sessionId: token.sid, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
