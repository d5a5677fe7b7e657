import type { SessionUser } from "../auth/session";
import { can, type Permission } from "../auth/roles";

/**
 * Every read that returns console data takes the signed-in user and checks it here, so no page,
 * route or future caller can read tenant data without one, even by mistake.
 */
export function assertReader(user: SessionUser | null | undefined, permission?: Permission): asserts user is SessionUser {
  if (!user?.id) throw new Error("Console data is read only for a signed-in user.");
  if (permission && !can(user.role, permission)) throw new Error(`Role ${user.role} may not ${permission}.`);
}
