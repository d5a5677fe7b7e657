import "server-only";
import { _createCache, _createIntlFormatters, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getLocale } from "next-intl/server";
import { isLocale } from "./locales";
import { MESSAGES, type Messages } from "./messages";

// One message cache for the process (README "Benchmark"): next-intl's own getTranslations parses
// every ICU message again on each request (its cache lives for one call); here a message is
// compiled once per language and reused. The compiled messages are immutable, keyed by language,
// namespace and text, and bounded by the catalogues.
const cache = _createCache();
const formatters = _createIntlFormatters(cache);

/** next-intl's getTranslations for server components, on the shared message cache. */
export async function getTranslations<const N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: N) {
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : "en";
  return createTranslator<Messages, N>({
    locale,
    messages: MESSAGES[locale],
    namespace,
    // Pages format times themselves, in the user's chosen zone and always naming it (lib/format.ts).
    timeZone: "UTC",
    _cache: cache,
    _formatters: formatters,
  });
}
