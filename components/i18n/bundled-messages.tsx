"use client";

import { NextIntlClientProvider, useLocale, useMessages, useTimeZone } from "next-intl";
import { useMemo, type ReactNode } from "react";
import type { Namespace } from "@/i18n/messages";
import { overlay, type Tree } from "@/i18n/tree";

/** A namespace in both languages (i18n/bundles/). */
export interface Bundle {
  en: object;
  zh: object;
}

/** Chinese over English, made once per bundle in the browser (a missing Chinese message shows in English). */
const chinese = new WeakMap<Bundle, Tree>();
function messagesOf(bundle: Bundle, locale: string): object {
  if (locale !== "zh-CN") return bundle.en;
  let tree = chinese.get(bundle);
  if (!tree) {
    tree = overlay(bundle.en as Tree, bundle.zh as Tree);
    chinese.set(bundle, tree);
  }
  return tree;
}

/**
 * The client components' catalogue from the JavaScript bundle rather than from each page's HTML
 * (README "Benchmark"): a page's namespaces are part of its cached code, in both languages, and
 * added here to what the providers above hold, in the request's language.
 */
export function messagesFor(bundles: Partial<Record<Namespace, Bundle>>) {
  function BundledMessages({ children }: { children: ReactNode }) {
    const parent = useMessages();
    const locale = useLocale();
    const timeZone = useTimeZone();
    const messages = useMemo(
      () => ({ ...parent, ...Object.fromEntries(Object.entries(bundles).map(([ns, b]) => [ns, messagesOf(b, locale)])) }),
      [parent, locale],
    );
    return (
      <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
        {children}
      </NextIntlClientProvider>
    );
  }
  return BundledMessages;
}
