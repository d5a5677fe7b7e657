"use client";

import { NextIntlClientProvider, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/i18n/locales";
import enCommon from "../messages/en/common.json";
import enShell from "../messages/en/shell.json";
import zhCommon from "../messages/zh-CN/common.json";
import zhShell from "../messages/zh-CN/shell.json";
import { LOGO_TEXT } from "@/components/shell/logo";

// This page replaces the root layout, and with it the layout's NextIntlClientProvider: it brings
// its own, with the two namespaces it speaks (every Chinese message is there, the catalogue test
// sees to it).
const MESSAGES = {
  en: { common: enCommon, shell: enShell },
  "zh-CN": { common: zhCommon, shell: zhShell },
} satisfies Record<Locale, unknown>;

const noSubscription = () => () => {};

/** The language cookie, else the browser's languages: the language the console would pick. */
function browserLocale(): Locale {
  const cookie = document.cookie
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(navigator.languages.length ? navigator.languages.join(",") : navigator.language);
}

/** The last resort when even the root layout fails: plain HTML with inline styles, no stack trace. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English in the server's HTML and while hydrating; the browser's language right after.
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => DEFAULT_LOCALE);
  return (
    <html lang={locale}>
      <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="UTC">
        <Page reset={reset} />
      </NextIntlClientProvider>
    </html>
  );
}

function Page({ reset }: { reset: () => void }) {
  const t = useTranslations("shell.globalError");
  const tc = useTranslations("common");
  return (
    <>
      <head>
        <title>{t("title")}</title>
      </head>
      <body
        style={{
          fontFamily:
            'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
          background: "#f5f6fa",
          color: "#1f2937",
        }}
      >
        <main
          role="alert"
          style={{ textAlign: "center", background: "#fff", border: "1px solid #e5e7eb", padding: "32px", maxWidth: 420, margin: 16 }}
        >
          <div
            aria-hidden
            style={{
              display: "inline-block",
              background: "#c2410c",
              color: "#fff",
              fontWeight: 700,
              fontSize: 12,
              padding: "8px 6px",
              borderRadius: 2,
            }}
          >
            {LOGO_TEXT}
          </div>
          <h1 style={{ fontSize: 18, margin: "16px 0 8px" }}>{t("title")}</h1>
          <p style={{ color: "#374151", fontSize: 14, margin: 0 }}>{t("body")}</p>
          <button
            type="button"
            onClick={reset}
            style={{
              marginTop: 16,
              padding: "6px 14px",
              background: "#2563eb",
              color: "#fff",
              border: "1px solid #2563eb",
              borderRadius: 2,
              fontSize: 14,
              cursor: "pointer",
            }}
          >
            {tc("tryAgain")}
          </button>
        </main>
      </body>
    </>
  );
}
