"use server";

// Server actions only; the specs (role, schema, handler) are in preferences-specs.ts.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/i18n/locales";
import { changeLanguageSpec, changeTimeZoneSpec } from "./preferences-specs";
import { defineAction } from "./define-action";

export const changeTimeZone = defineAction(changeTimeZoneSpec);

const changeLanguageForUser = defineAction(changeLanguageSpec);

/**
 * The top bar's language switch: kept on the user (it follows them to any browser) and in the
 * language cookie (the sign-in page after signing out speaks it too).
 */
export async function changeLanguage(input: unknown) {
  const result = await changeLanguageForUser(input);
  if (result.ok) {
    (await cookies()).set(LOCALE_COOKIE, result.data.locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
  }
  return result;
}
