import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { BROWSER_ZONE_COOKIE } from "../validation/rules";
import { timeZoneSchema, UTC } from "../validation/preferences";
import type { SessionUser } from "./session";

/**
 * The zone this request shows times in (docs/rules.md "Preferences"): the user's choice, else the
 * zone their browser reported in its cookie (checked like a choice), else UTC until it has.
 */
export async function displayTimeZone(user: SessionUser): Promise<string> {
  return user.timeZone ?? reportedZone();
}

/** The browser's reported zone, checked once per request however many layouts and pages ask. */
const reportedZone = cache(async (): Promise<string> => {
  const reported = (await cookies()).get(BROWSER_ZONE_COOKIE)?.value;
  return reported && timeZoneSchema.safeParse(reported).success ? reported : UTC;
});
