import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { writeAudit } from "../audit";
import { getDb } from "../db";
import { clearFailures, recordFailure, retryAfterSeconds, SIGN_IN_IP_POLICY, SIGN_IN_POLICY } from "../throttle";
import { getDummyHash, verifyPassword } from "./password";
import { getAuthSecret } from "./secret";

// Without NEXTAUTH_URL, next-auth 4 needs leave to take the origin from the request's Host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const SESSION_MAX_AGE = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "DTS Console",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        const db = await getDb();
        const forwarded = req?.headers?.["x-forwarded-for"];
        const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().slice(0, 64) || null;
        const userKey = `signin:user:${username.toLowerCase()}`;
        const ipKey = `signin:ip:${ip ?? "unknown"}`;

        const wait = Math.max(await retryAfterSeconds(db, userKey), await retryAfterSeconds(db, ipKey));
        if (wait > 0) {
          await writeAudit(db, { username, action: "signIn", errorCode: "Throttling.User", clientIp: ip });
          throw new Error(`Too many failed sign-in attempts. Try again in ${wait} seconds.`);
        }
        const user = await db.user.findUnique({ where: { username }, omit: { passwordHash: false } });
        // Verify against a dummy hash for unknown users too, so timing does not reveal which exist.
        const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
        if (!user || !ok) {
          await recordFailure(db, userKey, SIGN_IN_POLICY);
          await recordFailure(db, ipKey, SIGN_IN_IP_POLICY);
          await writeAudit(db, { username, role: user?.role ?? null, action: "signIn", errorCode: "Unauthorized", clientIp: ip });
          return null;
        }
        await clearFailures(db, userKey);
        await writeAudit(db, { username, role: user.role, action: "signIn", clientIp: ip });
        return { id: user.id, username: user.username, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.username = user.username;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid ?? "", username: token.username ?? "", role: token.role ?? "viewer" };
      return session;
    },
  },
};
