import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session";

/**
 * Whether this browser's session still holds (docs/rules.md "Sessions"): the console's Refresh and
 * auto-refresh ask before they re-render, so a lapsed session stops polling and says so.
 */
export function GET() {
  return getSessionUser().then((user) =>
    user
      ? NextResponse.json(
          { username: user.username, role: user.role, timeZone: user.timeZone ?? "UTC" },
          { headers: { "Cache-Control": "no-store" } },
        )
      : NextResponse.json(
          { code: "Unauthorized", message: "Your session has ended. Sign in again." },
          { status: 401, headers: { "Cache-Control": "no-store" } },
        ),
  );
}
