"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Suspense, useMemo, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { unpackRegions, type PackedRegions } from "../regions/region-names";
import { RegionProvider } from "../regions/region-context";
import { RegionSelector } from "../regions/region-selector";
import { ConsoleStateProvider, SessionLapsedBanner } from "./console-state";
import { FreshOnReturn } from "./fresh-on-return";
import { LanguageSwitch } from "./language-switch";
import { LogoMark } from "./logo";
import { MobileNav } from "./mobile-nav";
import { RouteProgress } from "./route-progress";
import { SideNav } from "./side-nav";
import { UserMenu } from "./user-menu";

/** A console page of the left nav, by its key of `shell.nav`. */
export type ShellNavItem = keyof typeof NAV_HREFS;
const NAV_HREFS = {
  changeTracking: "/change-tracking",
  lagging: "/lagging",
  alerts: "/alerts",
  audit: "/audit",
  accessKeys: "/access-keys",
} as const;

/**
 * The console's frame: top bar (product, region selector, language, user), left nav, and the main
 * landmark the page renders into. A client component so that each page's answer carries its data
 * (the user, the regions, the nav) rather than the frame's markup a second time in the React
 * Server Components payload (README "Benchmark"); the layout reads the data and checks the session.
 */
export function ConsoleShell({
  nav,
  regions,
  regionId,
  username,
  role,
  timeZone,
  followsBrowser,
  children,
}: {
  nav: ShellNavItem[];
  regions: PackedRegions;
  regionId: string;
  username: string;
  role: Role;
  timeZone: string;
  /** the user chose no zone: times follow the browser's (docs/rules.md "Preferences") */
  followsBrowser: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("shell");
  const tc = useTranslations("common");
  const labels: Record<ShellNavItem, string> = {
    changeTracking: t("nav.changeTracking"),
    lagging: t("nav.lagging"),
    alerts: t("nav.alerts"),
    audit: t("nav.audit"),
    accessKeys: t("nav.accessKeys"),
  };
  const items = nav.map((n) => ({ href: NAV_HREFS[n], label: labels[n] }));
  const regionList = useMemo(() => unpackRegions(regions), [regions]);
  return (
    <RegionProvider initialRegionId={regionId}>
      <ConsoleStateProvider initialTimeZone={timeZone} followsBrowser={followsBrowser}>
        <a href="#main" className="skip-link">
          {t("skipToMain")}
        </a>
        <div className="flex min-h-screen flex-col">
          <header id="top-bar" className="top-bar">
            <MobileNav items={items} />
            <Link href="/change-tracking" className="top-btn shrink-0 gap-2 font-semibold tracking-tight hover:bg-transparent">
              <LogoMark />
              <span className="hidden whitespace-nowrap sm:inline">{tc("productName")}</span>
              <span className="sr-only sm:hidden">{tc("productName")}</span>
            </Link>
            <span aria-hidden className="hidden h-5 w-px bg-white/20 sm:block" />
            <div className="min-w-0">
              <RegionSelector regions={regionList} />
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-4">
              <LanguageSwitch signedIn collapse />
              <UserMenu username={username} role={role} />
            </div>
          </header>
          <RouteProgress />
          <FreshOnReturn />
          <div className="flex flex-1">
            <div className="side-box">
              <p aria-hidden className="side-title">
                {t("nav.section")}
              </p>
              <SideNav label={t("nav.label")} items={items} />
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
