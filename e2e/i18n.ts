// The catalogues, for tests that find things by the words a user sees in either language. A test
// names a message by its English text (`zh("Create Consumer Group")`), so it reads like the page and
// fails if either catalogue loses the message.
import { readdirSync, readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { RULE_VALUES } from "../i18n/keys";
import { flatten, overlay, type Tree } from "../i18n/tree";

// Read from the files (Playwright's loader imports no JSON modules): every namespace of a locale,
// Chinese over English as the console renders it (i18n/messages.ts).
function catalogue(locale: string): Tree {
  const dir = new URL(`../messages/${locale}/`, import.meta.url);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(new URL(f, dir), "utf8")) as Tree]),
  );
}
const CATALOGUES = { en: catalogue("en"), "zh-CN": catalogue("zh-CN") };
const MESSAGES = { en: CATALOGUES.en, "zh-CN": overlay(CATALOGUES.en, CATALOGUES["zh-CN"]) };
const english = flatten(CATALOGUES.en);
type Values = Record<string, string | number>;
const translate = {
  en: createTranslator({ locale: "en", messages: MESSAGES.en as never }) as unknown as (key: string, values?: Values) => string,
  "zh-CN": createTranslator({ locale: "zh-CN", messages: MESSAGES["zh-CN"] as never }) as unknown as (
    key: string,
    values?: Values,
  ) => string,
};

/** The key of the English message `text` (a template with its placeholders, as the catalogue writes it). */
export function keyOf(text: string): string {
  const keys = [...english].filter(([, message]) => message === text).map(([key]) => key);
  if (!keys.length) throw new Error(`No English message reads ${JSON.stringify(text)}`);
  return keys[0];
}

/** The Chinese of an English message, its placeholders filled with `values` and the rule figures. */
export function zh(text: string, values: Values = {}): string {
  return translate["zh-CN"](keyOf(text), { ...RULE_VALUES, ...values });
}

/** A message by key in a language. */
export function message(locale: "en" | "zh-CN", key: string, values: Values = {}): string {
  return translate[locale](key, { ...RULE_VALUES, ...values });
}

export const ROLE_NAMES = {
  en: {
    viewer: message("en", "common.roles.viewer"),
    operator: message("en", "common.roles.operator"),
    admin: message("en", "common.roles.admin"),
  },
  "zh-CN": {
    viewer: message("zh-CN", "common.roles.viewer"),
    operator: message("zh-CN", "common.roles.operator"),
    admin: message("zh-CN", "common.roles.admin"),
  },
} as const;
