"use client";

import { NextIntlClientProvider, useLocale, useMessages, useTimeZone, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";

/**
 * Adds a page's own namespaces to the catalogue the root layout handed the client (a nested
 * provider would replace it), so a page sends only the namespaces it adds.
 */
export function AddMessages({ messages, children }: { messages: AbstractIntlMessages; children: ReactNode }) {
  const parent = useMessages();
  const locale = useLocale();
  const timeZone = useTimeZone();
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={{ ...parent, ...messages }}>
      {children}
    </NextIntlClientProvider>
  );
}
