import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db";
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
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        const user = await db.user.findUnique({
          where: { username: parsed.data.username },
          omit: { passwordHash: false },
        });
        // Verify against a dummy hash for unknown users too, so timing does not reveal which exist.
        const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
        if (!user || !ok) return null;
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
