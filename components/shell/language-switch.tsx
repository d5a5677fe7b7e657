"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "../ui/toast";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, LOCALES, type Locale } from "@/i18n/locales";
import { changeLanguage } from "@/lib/actions/preferences";

/** The one-button form's names: short, and each in its own language. */
const SHORT_NAMES: Record<Locale, string> = { en: "EN", "zh-CN": "中文" };

/**
 * 中文 / English, as the DTS console's top bar has it (docs/rules.md "Languages"). Signed in, the
 * choice is kept on the user (server action, audited) and in the cookie; on the sign-in page, in the
 * cookie only. Either way the page re-renders in the new language, nothing typed is lost.
 * `collapse`: below 640 px (the phone's crowded top bar) a single button names the other language
 * ("中文" / "EN") and switches to it.
 */
export function LanguageSwitch({
  signedIn,
  tone = "dark",
  collapse = false,
}: {
  signedIn: boolean;
  tone?: "dark" | "light";
  collapse?: boolean;
}) {
  const locale = useLocale();
  const t = useTranslations("shell.language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: Locale) => {
    if (next === locale || pending) return;
    startTransition(async () => {
      if (signedIn) {
        const result = await changeLanguage({ locale: next });
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
      } else {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
      }
      router.refresh();
    });
  };

  const other = LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE;
  return (
    // Its look is the named classes of app/controls.css (.lang), by tone and collapse.
    <div
      role="group"
      aria-label={t("label")}
      className="lang"
      data-tone={tone}
      data-collapse={collapse ? "" : undefined}
      data-testid="language-switch"
    >
      {collapse ? (
        <button
          type="button"
          lang={other}
          disabled={pending}
          onClick={() => choose(other)}
          // Its name is what it shows ("EN", 中文), so a voice command can say it; the whole
          // name is the tooltip.
          title={LOCALE_NAMES[other]}
          className="lang-short"
        >
          {SHORT_NAMES[other]}
        </button>
      ) : null}
      {LOCALES.map((l, i) => (
        <span key={l} className="lang-item">
          {i > 0 ? (
            <span aria-hidden className="lang-sep">
              /
            </span>
          ) : null}
          <button type="button" lang={l} aria-pressed={l === locale} disabled={pending} onClick={() => choose(l)} className="lang-btn">
            {LOCALE_NAMES[l]}
          </button>
        </span>
      ))}
    </div>
  );
}
