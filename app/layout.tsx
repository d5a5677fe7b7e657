import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
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
  // The language of this request (docs/rules.md "Languages"); client components get its catalogue.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="antialiased">
        <ClientMessages>
          <Providers>{children}</Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
