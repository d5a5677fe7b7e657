import type { Locale } from "./i18n/locales";
import type { Messages } from "./i18n/messages";

// next-intl checks every message key and its arguments against the English catalogue.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
