import { displayTimeZone } from "@/lib/auth/time-zone";
import { jsonAnswer, withUser } from "@/lib/security/route-handler";

/**
 * Whether this browser's session still holds (docs/rules.md "Sessions"): the console's Refresh and
 * auto-refresh ask before they re-render, so a lapsed session stops polling and says so, in the
 * browser's language.
 */
export const GET = withUser(
  async (user) => jsonAnswer({ username: user.username, role: user.role, timeZone: await displayTimeZone(user) }),
  { signedOut: "errors.sessionEnded" },
);
