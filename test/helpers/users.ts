import type { Role } from "../../lib/auth/roles";

export type { Role };

/** A signed-in user of a role, as the session gives one to actions and reads (unit tests). */
export const userOf = (role: Role) => ({ id: `u-${role}`, username: role, role });
