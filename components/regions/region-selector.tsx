"use client";

import { useTranslations } from "next-intl";
import type { RegionOption } from "@/lib/data/regions";
import { useWhenWanted } from "../ui/when-wanted";
import { useRegion } from "./region-context";
import { regionNameKey } from "./region-names";

// The menu (Radix, with its popper) loads when the selector is first hovered, focused or pressed.
const loadMenu = () => import("./region-menu").then((m) => m.RegionMenu);

const TRIGGER_CLASS =
  "flex h-8 max-w-full min-w-0 items-center gap-2 rounded-sm border border-white/30 px-2 text-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white sm:px-3";

/**
 * The top bar's region picker: regions grouped by area, each with its number of tasks. Names and
 * areas show in the page's language (华东1（杭州）); the database's English ones for any the
 * catalogue does not know.
 */
export function RegionSelector({ regions }: { regions: RegionOption[] }) {
  const t = useTranslations("regions");
  const { regionId } = useRegion();
  const { Popup, wanted, plainTrigger } = useWhenWanted(loadMenu);
  const current = regions.find((r) => r.id === regionId) ?? regions[0];
  const nameKey = regionNameKey(current.id);
  const name = nameKey ? t(nameKey) : current.name;
  const trigger = {
    "aria-label": t("selector.label", { name }),
    className: TRIGGER_CLASS,
    children: (
      <>
        <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4 shrink-0 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.4">
          <circle cx="8" cy="8" r="6.2" />
          <path d="M1.8 8h12.4M8 1.8c1.8 1.9 1.8 10.5 0 12.4M8 1.8c-1.8 1.9-1.8 10.5 0 12.4" />
        </svg>
        <span className="truncate">{name}</span>
        <svg aria-hidden viewBox="0 0 10 6" className="h-2 w-2.5 shrink-0 opacity-70" fill="currentColor">
          <path d="M0 0h10L5 6z" />
        </svg>
      </>
    ),
  };
  if (Popup) return <Popup regions={regions} current={current.id} trigger={trigger} {...wanted} />;
  return <button {...trigger} {...plainTrigger("menu")} />;
}
