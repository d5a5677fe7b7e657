/**
 * How long a session lasts (docs/rules.md "Sessions"): 8 hours from signing in, whatever happens
 * in between. The token's own expiry is the same 8 hours (next-auth's `jwt.maxAge`), and a token
 * next-auth re-issues later keeps its sign-in time (`at`), so a copied cookie dies with the session.
 */
export const SESSION_MAX_AGE = 8 * 60 * 60;

/** Clock skew allowed when comparing a token's times with ours, in seconds. */
export const SESSION_CLOCK_SKEW = 15;

/** Whether a token's own times keep it alive at `nowSeconds`: unexpired and within 8 hours of sign-in. */
export function withinSessionLifetime(claims: { exp?: unknown; at?: unknown }, nowSeconds = Date.now() / 1000): boolean {
  if (typeof claims.exp !== "number" || typeof claims.at !== "number") return false;
  if (claims.exp + SESSION_CLOCK_SKEW < nowSeconds) return false;
  return claims.at + SESSION_MAX_AGE + SESSION_CLOCK_SKEW >= nowSeconds && claims.at <= nowSeconds + SESSION_CLOCK_SKEW;
}
