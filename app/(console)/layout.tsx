import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { RegionProvider } from "@/components/regions/region-context";
import { RegionSelector } from "@/components/regions/region-selector";
import { ConsoleStateProvider, SessionLapsedBanner } from "@/components/shell/console-state";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { LogoMark } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SideNav } from "@/components/shell/side-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listRegions, resolveRegion } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";

// The root layout belongs to the security headers' work; the icons are named here for every console page.
export const metadata: Metadata = {
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "any" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [regions, jar, t, tc] = await Promise.all([listRegions(user), cookies(), getTranslations("shell"), getTranslations("common")]);
  const region = resolveRegion(regions, jar.get(REGION_COOKIE)?.value);
  const nav = [{ href: "/change-tracking", label: t("nav.changeTracking") }];
  if (can(user.role, "audit.read")) nav.push({ href: "/audit", label: t("nav.audit") });
  nav.push({ href: "/access-keys", label: t("nav.accessKeys") });

  return (
    <RegionProvider initialRegionId={region.id}>
      <ConsoleStateProvider initialTimeZone={user.timeZone ?? "UTC"}>
        <a
          href="#main"
          className="sr-only z-[60] rounded-sm bg-white px-3 py-2 text-sm font-medium text-blue-700 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:outline-2 focus:outline-blue-600"
        >
          {t("skipToMain")}
        </a>
        <div className="flex min-h-screen flex-col">
          <header
            id="top-bar"
            className="sticky top-0 z-30 flex h-12 items-center gap-2 bg-[#1b2330] px-2 text-white shadow sm:gap-4 sm:px-4"
          >
            <MobileNav items={nav} />
            <Link
              href="/change-tracking"
              className="flex shrink-0 items-center gap-2 rounded-sm font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-white"
            >
              <LogoMark />
              <span className="hidden whitespace-nowrap sm:inline">{tc("productName")}</span>
              <span className="sr-only sm:hidden">{tc("productName")}</span>
            </Link>
            <span aria-hidden className="hidden h-5 w-px bg-white/20 sm:block" />
            <div className="min-w-0">
              <RegionSelector regions={regions} />
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-4">
              <LanguageSwitch signedIn collapse />
              <UserMenu username={user.username} role={user.role} />
            </div>
          </header>
          <div className="flex flex-1">
            <div className="hidden w-48 shrink-0 border-r border-gray-200 bg-white pt-3 lg:block">
              <p aria-hidden className="px-4 pb-2 text-xs font-semibold tracking-wide text-gray-600 uppercase">
                {t("nav.section")}
              </p>
              <SideNav label={t("nav.label")} items={nav} />
            </div>
            <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-3 focus:outline-none sm:p-6">
              <Suspense fallback={null}>
                <SessionLapsedBanner />
              </Suspense>
              {children}
            </main>
          </div>
        </div>
      </ConsoleStateProvider>
    </RegionProvider>
  );
}
