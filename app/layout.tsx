import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/i18n/translator";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { RootMessages } from "@/components/i18n/pages/root";
import { Providers } from "@/components/providers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("productName"), template: t("titleTemplate") },
    description: t("productDescription"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request renders every page per request (the 404 and the "/" redirect included):
  // Next.js adds the proxy's per-request nonce to its scripts while rendering, and a page built
  // ahead of time would carry none, so the CSP would block its scripts.
  await headers();
  // The language of this request (docs/rules.md "Languages"); client components get its catalogue
  // from their own code (components/i18n/pages/).
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="antialiased">
        {/* The language and time zone from here; every page's catalogue from the code (RootMessages). */}
        <NextIntlClientProvider messages={{}}>
          <RootMessages>
            <Providers>{children}</Providers>
          </RootMessages>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
