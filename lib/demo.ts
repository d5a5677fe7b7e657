import type { Role } from "./generated/prisma/enums";

/** The demo accounts' password unless DEMO_PASSWORD says otherwise (README). */
export const DEFAULT_DEMO_PASSWORD = "DtsDemo#2026";
/** The demo AccessKeys' secret unless DEMO_ACCESS_KEY_SECRET says otherwise (README). */
export const DEFAULT_DEMO_ACCESS_KEY_SECRET = "DtsDemoAccessKeySecret20260001";

/** The demo users' AccessKey IDs (README), one each, all with the demo secret. */
export const DEMO_ACCESS_KEYS = {
  admin: "LTAI0000DemoAdmin0000001",
  operator: "LTAI0000DemoOperator0001",
  viewer: "LTAI0000DemoViewer000001",
} as const;

/** Every seeded consumer group's password, so a demo can connect a consumer (README). */
export const SEED_GROUP_PASSWORD = "Consume#2026";

export const DEMO_USERS: { username: string; role: Role }[] = [
  { username: "admin", role: "admin" },
  { username: "operator", role: "operator" },
  { username: "viewer", role: "viewer" },
];

/** Fixed ids the README, the demo script and the tests can point at. */
export const SEED_IDS = {
  /** Normal, 3 groups: the instance of the DTS help page. */
  normal: "dtsg2m10r1x15a",
  /** Normal, 19 groups: one more fits. */
  nineteen: "dtsq19l6k2v0ah",
  /** Normal, 20 groups: quota full. */
  full: "dtsf20kx8wm3bd",
  /** Abnormal, with groups: no new group may be created. */
  abnormal: "dtsb7n4c2p9kxe",
  /** Normal, no groups yet. */
  empty: "dtsh5t1r8m2qzw",
} as const;
