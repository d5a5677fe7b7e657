"use client";

import { useTranslations } from "next-intl";
import { useWhenWanted } from "../ui/when-wanted";
import { useRegion } from "./region-context";
import { localRegionName, type RegionEntry } from "./region-names";

// The menu (Radix, with its popper) loads when the selector is first hovered, focused or pressed.
const loadMenu = () => import("./region-menu").then((m) => m.RegionMenu);

const TRIGGER_CLASS = "top-btn h-8 max-w-full min-w-0 gap-2 border border-white/30 px-2 text-sm sm:px-3";

/**
 * The top bar's region picker: regions grouped by area, each with its number of tasks. Names and
 * areas show in the page's language (华东1（杭州）); the database's English ones for any the
 * catalogue does not know.
 */
export function RegionSelector({ regions }: { regions: RegionEntry[] }) {
  const t = useTranslations("regions");
  const { regionId } = useRegion();
  const { Popup, wanted, plainTrigger } = useWhenWanted(loadMenu);
  const current = regions.find((r) => r.id === regionId) ?? regions[0];
  const name = localRegionName(t, current);
  const trigger = {
    "aria-label": t("selector.label", { name }),
    className: TRIGGER_CLASS,
    children: (
      <>
        <span aria-hidden className="icon icon-globe" />
        <span className="truncate">{name}</span>
        <span aria-hidden className="icon-caret" />
      </>
    ),
  };
  if (Popup) return <Popup regions={regions} current={current.id} trigger={trigger} {...wanted} />;
  return <button {...trigger} {...plainTrigger("menu")} />;
}
