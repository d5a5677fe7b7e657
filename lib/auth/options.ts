import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { writeAudit } from "../audit";
import { clientIpFrom } from "../client-ip";
import { getDb } from "../db";
import { authenticate } from "./authenticate";
import { getAuthSecret } from "./secret";
import { browserLocale } from "../request-locale";
import { localize } from "@/i18n/translate";
import { revokeSession } from "./session-revocation";

// Without NEXTAUTH_URL, next-auth 4 needs leave to take the origin from the request's Host.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

/** How long a session lasts without signing in again (docs/rules.md "Sessions"). */
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
        const outcome = await authenticate(await getDb(), raw, clientIpFrom(req.headers ?? {}));
        if (outcome.ok) return outcome.user;
        // next-auth hands the sign-in form this message as it is: worded in the browser's language.
        if (outcome.reason === "throttled") {
          const locale = browserLocale(req.headers ?? {});
          throw new Error(localize(locale, "errors.signInThrottled", { retryAfter: String(outcome.retryAfter) }));
        }
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
