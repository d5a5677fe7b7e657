import "server-only";
import { cookies } from "next/headers";
import { BROWSER_ZONE_COOKIE } from "../validation/rules";
import { timeZoneSchema, UTC } from "../validation/preferences";
import type { SessionUser } from "./session";

/**
 * The zone this request shows times in (docs/rules.md "Preferences"): the user's choice, else the
 * zone their browser reported in its cookie (checked like a choice), else UTC until it has.
 */
export async function displayTimeZone(user: SessionUser): Promise<string> {
  if (user.timeZone) return user.timeZone;
  const reported = (await cookies()).get(BROWSER_ZONE_COOKIE)?.value;
  return reported && timeZoneSchema.safeParse(reported).success ? reported : UTC;
}
