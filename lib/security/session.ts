// The proxy's session test: the next-auth cookie must decrypt and verify with the console's secret
// (A256GCM authenticates it) and be unexpired; its presence alone means nothing. This cannot see a
// revoked session (that needs the database); pages, route handlers and actions still check the
// user themselves.
import { decode, type JWT } from "next-auth/jwt";
import { getAuthSecret } from "../auth/secret";
import { withinSessionLifetime } from "../auth/session-policy";

/** next-auth 4's session cookie names: plain over http, __Secure- when NEXTAUTH_URL is https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

type CookieBag = { get(name: string): { value: string } | undefined; getAll(): Array<{ name: string; value: string }> };

/**
 * The raw token of one session cookie name: the cookie itself, or its chunks (`name.0`, `name.1`,
 * …) joined in order, as next-auth splits tokens over 4 KB.
 */
export function readSessionCookie(cookies: CookieBag, name: string): string | null {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .map(({ name: n, value }) => ({ index: n.startsWith(`${name}.`) ? n.slice(name.length + 1) : "", value }))
    .filter(({ index }) => /^\d{1,3}$/.test(index))
    .sort((a, b) => Number(a.index) - Number(b.index));
  if (chunks.length === 0) return null;
  // A gap in the numbering is not a token next-auth wrote.
  if (chunks.some((chunk, i) => Number(chunk.index) !== i)) return null;
  return chunks.map((c) => c.value).join("");
}

let cachedSecret: string | undefined;
function secret(): string {
  cachedSecret ??= getAuthSecret();
  return cachedSecret;
}

/**
 * The verified token's claims when it names a user, else null (absent, forged, foreign, expired,
 * or older than the session's 8 hours from sign-in). The signature and lifetime half of the one
 * session check; lib/auth/session.ts adds the database's half (revocation, session version).
 */
export async function verifySessionToken(token: string, authSecret: string = secret()): Promise<JWT | null> {
  if (token.length > 16_384) return null;
  try {
    const payload = await decode({ token, secret: authSecret });
    if (!payload) return null;
    // Our jwt callback always writes uid and the sign-in time; jose has checked exp (15 s
    // tolerance) when present, and next-auth always writes it.
    if (typeof payload.uid !== "string" || payload.uid === "") return null;
    return withinSessionLifetime(payload) ? payload : null;
  } catch {
    return null;
  }
}

/** The raw session token the request carries (the first of the names next-auth uses), or null. */
export function sessionCookieOf(cookies: CookieBag): string | null {
  for (const name of SESSION_COOKIES) {
    const token = readSessionCookie(cookies, name);
    if (token) return token;
  }
  return null;
}

/** The request's session claims when its cookie verifies (signature, expiry, lifetime), else null. */
export async function verifiedSessionClaims(cookies: CookieBag): Promise<JWT | null> {
  for (const name of SESSION_COOKIES) {
    const token = readSessionCookie(cookies, name);
    const claims = token ? await verifySessionToken(token) : null;
    if (claims) return claims;
  }
  return null;
}

/** Whether the request carries a session cookie that verifies. */
export async function hasValidSession(cookies: CookieBag): Promise<boolean> {
  return (await verifiedSessionClaims(cookies)) !== null;
}
