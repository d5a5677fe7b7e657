import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { writeAudit } from "../audit";
import { clientIpFrom } from "../client-ip";
import { getDb } from "../db";
import { authenticate } from "./authenticate";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE } from "./session-policy";
import { revokeSession } from "./session-revocation";
import { authLogger } from "./auth-logger";

// Without NEXTAUTH_URL, next-auth 4 needs leave to take the origin from the request's Host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

export const authOptions: NextAuthOptions = {
  secret: getAuthSecret(),
  // Both: the cookie's lifetime (session) and the token's own `exp` (jwt), which next-auth would
  // otherwise sign for 30 days. The sign-in time in the token caps re-issued tokens (session-policy).
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  jwt: { maxAge: SESSION_MAX_AGE },
  logger: authLogger,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "DTS Console",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const outcome = await authenticate(await getDb(), raw, clientIpFrom(req.headers ?? {}));
        if (outcome.ok) return outcome.user;
        // next-auth hands the thrown message to the sign-in form as it is: a code with the wait,
        // which the form words in the page's language (components/auth/login-form.tsx).
        if (outcome.reason === "throttled") throw new Error(`Throttled:${outcome.retryAfter}`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // next-auth types `user` as always there; it is only on the sign-in call.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (user) {
        token.uid = user.id;
        token.username = user.username;
        token.sv = user.sessionVersion;
        token.sid = randomBytes(18).toString("base64url");
        token.at = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    // What the browser may read at /api/auth/session: who is signed in, nothing the server decides by.
    session({ session, token }) {
      session.user = { id: token.uid ?? "", username: token.username ?? "" };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const db = await getDb();
      await revokeSession(db, token);
      if (token.username) await writeAudit(db, { username: token.username, action: "signOut" });
    },
  },
};
