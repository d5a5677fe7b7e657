import "server-only";
import type { JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../db";
import type { Db } from "../db/connect";
import { sessionCookieOf, verifiedSessionClaims } from "../security/session";
import type { Role } from "./roles";

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  /** The zone this user chose, "UTC" or an IANA zone, or null: their browser's (docs/rules.md "Preferences"). */
  timeZone?: string | null;
  /** The language this user chose ("en" or "zh-CN"), or null (docs/rules.md "Languages"). */
  locale?: string | null;
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

/**
 * The one answer to "signed in?" (docs/rules.md "Sessions"): the cookie's signature, expiry and
 * 8-hour lifetime, then the database's revocation and session version. `ended` is a request that
 * carries a session cookie which no longer stands for anyone: the sign-in page says so.
 */
export type SessionState = { user: SessionUser } | { user: null; ended: boolean };

export async function sessionStateOf(db: () => Promise<Db>, jar: Parameters<typeof verifiedSessionClaims>[0]): Promise<SessionState> {
  const claims = await verifiedSessionClaims(jar);
  // The cookie first: a request without a valid token needs no database, and `next build`'s
  // prerendering stops at cookies() before it could open the running server's database.
  const user = claims ? await resolveSessionUser(await db(), claims) : null;
  if (user) return { user };
  return { user: null, ended: sessionCookieOf(jar) !== null };
}

/** This request's session state, read once per request however many callers ask. */
export const getSessionState = cache(async (): Promise<SessionState> => sessionStateOf(getDb, await cookies()));

/** The signed-in user of this request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  return (await getSessionState()).user;
}

/** For pages and layouts: the user, or a redirect to sign-in. Every page calls it itself. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
