import { writeAnonymousRefusal, writeAudit } from "../audit";
import type { Db } from "../db/connect";
import { admitAttempt, SIGN_IN_THROTTLE, type AdmitOptions } from "../throttle";
import { signInSchema } from "../validation/auth";
import { getDummyHash, verifyPassword } from "./password";
import type { Role } from "./roles";

export type SignInOutcome =
  | { ok: true; user: { id: string; username: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfter: number };

/**
 * The sign-in check behind next-auth's credentials provider: throttled per account and client
 * (docs/rules.md "Throttling": the attempt is counted before the password is verified), a hash
 * verified for unknown users too so timing tells nothing, and every attempt audited (refusals
 * through the capped writer: nobody is signed in yet).
 */
export async function authenticate(
  db: Db,
  raw: unknown,
  clientIp: string | null,
  verify = verifyPassword,
  throttle: AdmitOptions = {},
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  const rawName = raw && typeof raw === "object" ? (raw as { username?: unknown }).username : undefined;
  const username = parsed.success ? parsed.data.username : typeof rawName === "string" ? rawName : "";
  const who = { account: username, client: clientIp };
  const admission = await admitAttempt(db, SIGN_IN_THROTTLE, who, throttle);
  if (!admission.ok) {
    await writeAnonymousRefusal(db, { username, action: "signIn", errorCode: "Throttling.User", clientIp });
    return { ok: false, reason: "throttled", retryAfter: admission.retryAfter };
  }
  const user = parsed.success
    ? await db.user.findUnique({
        where: { username: parsed.data.username },
        select: { id: true, username: true, role: true, sessionVersion: true, passwordHash: true },
      })
    : null;
  const ok = await verify(user?.passwordHash ?? (await getDummyHash()), parsed.success ? parsed.data.password : "");
  if (!user || !ok) {
    await writeAnonymousRefusal(db, { username, role: user?.role ?? null, action: "signIn", errorCode: "Unauthorized", clientIp });
    return { ok: false, reason: "invalid" };
  }
  await admission.succeeded();
  await writeAudit(db, { username: user.username, role: user.role, action: "signIn", clientIp });
  return { ok: true, user: { id: user.id, username: user.username, role: user.role, sessionVersion: user.sessionVersion } };
}
