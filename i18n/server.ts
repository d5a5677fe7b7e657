import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { browserLocale } from "@/lib/request-locale";
import { isLocale, type Locale } from "./locales";

/**
 * The language of this request (docs/rules.md "Languages"): the signed-in user's choice, else the
 * language cookie, else the browser's Accept-Language, else English.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  let chosen: string | null | undefined;
  try {
    chosen = (await getSessionUser())?.locale;
  } catch {
    // Without the database the cookie still decides: an error page in the right language.
    chosen = null;
  }
  if (isLocale(chosen)) return chosen;
  return browserLocale(await headers());
});
