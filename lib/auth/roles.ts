import type { Role } from "../generated/prisma/enums";

export type { Role };

/** What each role may do (docs/rules.md "Roles"); the server checks these, the UI only mirrors them. */
export const PERMISSIONS = {
  "consumerGroup.create": ["operator", "admin"],
  "consumerGroup.changePassword": ["operator", "admin"],
  "consumerGroup.resetPassword": ["admin"],
  "consumerGroup.resetCheckpoint": ["operator", "admin"],
  "consumerGroup.delete": ["admin"],
  "instance.configureAlert": ["operator", "admin"],
  "alerts.manageChannels": ["admin"],
  "audit.read": ["admin"],
  "preferences.change": ["viewer", "operator", "admin"],
  "accessKey.manageOwn": ["viewer", "operator", "admin"],
  "accessKey.manageAny": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
