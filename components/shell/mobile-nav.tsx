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
    className: "top-btn h-8 w-8 shrink-0 justify-center lg:hidden",
    children: <span aria-hidden className="icon icon-menu" />,
  };
  if (Popup) return <Popup items={items} trigger={trigger} {...wanted} />;
  return <button {...trigger} {...plainTrigger("dialog")} />;
}
