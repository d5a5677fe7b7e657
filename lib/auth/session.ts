import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import type { Db } from "../db/connect";
import type { Role } from "./roles";
import { getAuthSecret } from "./secret";

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  /** How this user's times are shown: "UTC" or an IANA zone (docs/rules.md "Preferences"). */
  timeZone?: string;
  /** The language this user chose ("en" or "zh-CN"), or null (docs/rules.md "Languages"). */
  locale?: string | null;
}

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** The session token of this request, verified (signature, encryption, expiry), or null. */
export async function readSessionToken(): Promise<JWT | null> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw || raw.length > 8192) return null;
  try {
    return await decode({ token: raw, secret: getAuthSecret() });
  } catch {
    return null;
  }
}

/**
 * The user a verified token stands for, as the database knows them now: the role is read fresh,
 * never taken from the token, and a token issued before a password or role change (older session
 * version) or for a session ended by signing out gives null.
 */
export async function resolveSessionUser(db: Db, token: JWT | null): Promise<SessionUser | null> {
  if (!token || typeof token.uid !== "string" || typeof token.sid !== "string" || typeof token.sv !== "number") return null;
  // One statement for both checks: every page and action reads it, and on PGlite each statement
  // is the server thread's time.
  const rows = await db.$queryRaw<SessionUser[]>`
    SELECT u."id", u."username", u."role"::text AS "role", u."time_zone" AS "timeZone", u."locale" FROM "app_user" u
     WHERE u."id" = ${token.uid} AND u."session_version" = ${token.sv}
       AND NOT EXISTS (SELECT 1 FROM "revoked_session" r WHERE r."session_id" = ${token.sid})`;
  return rows[0] ?? null;
}

/** The signed-in user of this request, or null; read once per request however many callers ask. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // The cookie first: a request without a valid token needs no database, and `next build`'s
  // prerendering stops at cookies() before it could open the running server's database.
  const token = await readSessionToken();
  return token ? resolveSessionUser(await getDb(), token) : null;
});

/** For pages and layouts: the user, or a redirect to sign-in. Every page calls it itself. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
