import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string };
  }
  interface User {
    id: string;
    username: string;
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    username?: string;
    /** this session's id, for revocation at sign-out */
    sid?: string;
    /** the user's session version when the token was issued */
    sv?: number;
    /** when the user signed in (seconds): the session ends 8 hours later, however often re-issued */
    at?: number;
  }
}
