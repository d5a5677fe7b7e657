import "server-only";
import type { SessionUser } from "../auth/session";
import { can, type Role } from "../auth/roles";
import { getDb } from "../db";
import type { AccessKeyStatus } from "../generated/prisma/enums";
import { assertReader } from "./guard";

/** An AccessKey as the AccessKey page shows it (never its secret; JSON-safe dates). */
export interface AccessKeyRow {
  id: string;
  userId: string;
  username: string;
  status: AccessKeyStatus;
  createdAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
}

export interface AccessKeyOwner {
  id: string;
  username: string;
  role: Role;
  keyCount: number;
}

/**
 * The AccessKeys this user may manage, oldest first: their own, or everyone's for an admin, and
 * the users they may create one for (docs/rules.md "AccessKeys").
 */
export async function listAccessKeys(user: SessionUser): Promise<{ keys: AccessKeyRow[]; owners: AccessKeyOwner[] }> {
  assertReader(user);
  const db = await getDb();
  const everyone = can(user.role, "accessKey.manageAny");
  const where = everyone ? {} : { id: user.id };
  const users = await db.user.findMany({
    where,
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      role: true,
      accessKeyCount: true,
      accessKeys: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, status: true, createdAt: true, lastUsedAt: true, lastUsedIp: true },
      },
    },
  });
  return {
    owners: users.map((u) => ({ id: u.id, username: u.username, role: u.role, keyCount: u.accessKeyCount })),
    keys: users.flatMap((u) =>
      u.accessKeys.map((k) => ({
        id: k.id,
        userId: u.id,
        username: u.username,
        status: k.status,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        lastUsedIp: k.lastUsedIp,
      })),
    ),
  };
}
