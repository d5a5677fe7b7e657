import { z } from "./zod";
import { LOCALES } from "@/i18n/locales";

/**
 * How the console shows times (docs/rules.md "Preferences"): `UTC`, or the IANA zone of the
 * user's browser ("Asia/Shanghai"). The `app_user_time_zone_check` CHECK repeats the pattern.
 */
export const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
export const TIME_ZONE_MAX = 64;
export const UTC = "UTC";

/** Whether this runtime knows the zone (an unknown one would make every date format throw). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string({ error: "validation.timeZone.required" })
  .max(TIME_ZONE_MAX, "validation.timeZone.unknown")
  .regex(TIME_ZONE_PATTERN, "validation.timeZone.unknown")
  .refine(isKnownTimeZone, "validation.timeZone.unknown");

/** The time zone switch of the user menu. */
export const changeTimeZoneSchema = z.object({ timeZone: timeZoneSchema });
export type ChangeTimeZoneInput = z.input<typeof changeTimeZoneSchema>;

/** The language switch of the top bar (docs/rules.md "Languages"); `app_user_locale_check` repeats the list. */
export const changeLanguageSchema = z.object({ locale: z.enum(LOCALES, { error: "validation.language.unknown" }) });
export type ChangeLanguageInput = z.input<typeof changeLanguageSchema>;
