"use client";

import { useTranslations } from "next-intl";
import { useWhenWanted } from "../ui/when-wanted";
import type { NavItem } from "./side-nav";

// The sheet (a Radix dialog) loads when its button is first wanted.
const loadSheet = () => import("./mobile-nav-sheet").then((m) => m.MobileNavSheet);

/** Below 1024 px the left nav folds into this menu button, which opens it as a sheet. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("shell.nav");
  const { Popup, wanted, plainTrigger } = useWhenWanted(loadSheet);
  const trigger = {
    "aria-label": t("open"),
    className:
      "flex h-8 w-8 shrink-0 items-center justify-center rounded-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white lg:hidden",
    children: (
      <svg aria-hidden viewBox="0 0 16 16" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M2 4h12M2 8h12M2 12h12" />
      </svg>
    ),
  };
  if (Popup) return <Popup items={items} trigger={trigger} {...wanted} />;
  return <button {...trigger} {...plainTrigger("dialog")} />;
}
