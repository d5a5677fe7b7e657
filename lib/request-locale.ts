import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/i18n/locales";

type HeaderBag = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/**
 * The language of a browser's request outside React (the proxy's refusals, the sign-in callback),
 * from its headers alone (docs/rules.md "Languages"): the language cookie the switch sets, else
 * the Accept-Language, else English. Pages and actions use i18n/server's requestLocale, which
 * puts the signed-in user's own choice first.
 */
export function browserLocale(headers: HeaderBag): Locale {
  const cookies = header(headers, "cookie") ?? "";
  for (const part of cookies.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== LOCALE_COOKIE) continue;
    let value = rest.join("=");
    try {
      value = decodeURIComponent(value);
    } catch {
      // A mangled cookie counts as none.
    }
    if (isLocale(value)) return value;
  }
  return negotiateLocale(header(headers, "accept-language"));
}
