import { getRequestConfig } from "next-intl/server";
import { isLocale } from "./locales";
import { MESSAGES } from "./messages";
import { requestLocale } from "./server";

// next-intl's per-request configuration: the locale of this request (docs/rules.md "Languages")
// and its catalogue, for server components, server actions and route handlers alike.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await requestLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    // Pages format times themselves, in the user's chosen zone and always naming it (lib/format.ts).
    timeZone: "UTC",
  };
});
