// Messages outside React: server actions, route handlers and the OpenAPI answer in the caller's
// language with the same catalogues the pages use (docs/rules.md "Languages").
import { createTranslator } from "next-intl";
import { RULE_VALUES, type MessageValues } from "./keys";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { MESSAGES } from "./messages";

export { RULE_VALUES, type MessageValues };

type LooseTranslator = ((key: string, values?: MessageValues) => string) & { has: (key: string) => boolean };

const translators = new Map<Locale, LooseTranslator>();

/** One translator per locale, over the catalogue the pages use. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): LooseTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as LooseTranslator;
    translators.set(locale, t);
  }
  return t;
}

/**
 * A message key of the catalogue in the locale, with the rule figures and `values`; text the
 * catalogue does not hold (a library's own words, a database's refusal) as it is.
 */
export function localize(locale: Locale, text: string, values?: MessageValues): string {
  const t = translatorFor(locale);
  return t.has(text) ? t(text, { ...RULE_VALUES, ...values }) : text;
}
