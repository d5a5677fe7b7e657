import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { authOptions } from "./options";
import type { Role } from "./roles";

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

/**
 * The signed-in user as the database knows them now (the role is read fresh, not trusted from
 * the cookie), or null.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: { id: true, username: true, role: true } });
  return user;
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
