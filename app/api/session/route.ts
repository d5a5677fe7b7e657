import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { requestLocale } from "@/i18n/server";
import { localize } from "@/i18n/translate";

/**
 * Whether this browser's session still holds (docs/rules.md "Sessions"): the console's Refresh and
 * auto-refresh ask before they re-render, so a lapsed session stops polling and says so, in the
 * browser's language.
 */
export async function GET() {
  const user = await getSessionUser();
  if (user) {
    return NextResponse.json(
      { username: user.username, role: user.role, timeZone: await displayTimeZone(user) },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  return NextResponse.json(
    { code: "Unauthorized", message: localize(await requestLocale(), "errors.sessionEnded") },
    { status: 401, headers: { "Cache-Control": "no-store" } },
  );
}
