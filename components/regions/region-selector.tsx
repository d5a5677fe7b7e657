"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { RegionOption } from "@/lib/data/regions";
import { useLandmark } from "../ui/use-landmark";
import { useRegion } from "./region-context";
import { regionAreaKey, regionNameKey } from "./region-names";

/**
 * The top bar's region picker: regions grouped by area, each with its number of tasks. Names and
 * areas show in the page's language (华东1（杭州）); the database's English ones for any the
 * catalogue does not know.
 */
export function RegionSelector({ regions }: { regions: RegionOption[] }) {
  const t = useTranslations("regions");
  const nameOf = (r: RegionOption) => {
    const key = regionNameKey(r.id);
    return key ? t(key) : r.name;
  };
  const areaName = (area: string) => {
    const key = regionAreaKey(area);
    return key ? t(key) : area;
  };
  const router = useRouter();
  const pathname = usePathname();
  const { regionId, setRegionId } = useRegion();
  const landmark = useLandmark("top-bar");
  const current = regions.find((r) => r.id === regionId) ?? regions[0];
  const areas = [...new Set(regions.map((r) => r.area))];
  // China and Asia Pacific fill a column each; the shorter areas share the third.
  const columns = [areas.slice(0, 1), areas.slice(1, 2), areas.slice(2)].filter((c) => c.length);

  function choose(id: string) {
    setRegionId(id);
    // Like DTS, switching region goes back to that region's task list; the region-wide Lagging
    // Consumer Groups page shows the new region's.
    const page = pathname.startsWith("/lagging") ? "/lagging" : "/change-tracking";
    router.push(`${page}?region=${encodeURIComponent(id)}`);
  }

  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while its links stay focusable.
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={t("selector.label", { name: nameOf(current) })}
        className="flex h-8 max-w-full min-w-0 items-center gap-2 rounded-sm border border-white/30 px-2 text-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white sm:px-3"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4 shrink-0 opacity-80" fill="none" stroke="currentColor" strokeWidth="1.4">
          <circle cx="8" cy="8" r="6.2" />
          <path d="M1.8 8h12.4M8 1.8c1.8 1.9 1.8 10.5 0 12.4M8 1.8c-1.8 1.9-1.8 10.5 0 12.4" />
        </svg>
        <span className="truncate">{nameOf(current)}</span>
        <svg aria-hidden viewBox="0 0 10 6" className="h-2 w-2.5 shrink-0 opacity-70" fill="currentColor">
          <path d="M0 0h10L5 6z" />
        </svg>
      </Menu.Trigger>
      <Menu.Portal container={landmark}>
        <Menu.Content
          align="start"
          sideOffset={6}
          className="z-50 grid max-h-[min(80vh,var(--radix-dropdown-menu-content-available-height))] w-[46rem] max-w-[calc(100vw-1rem)] grid-cols-1 gap-x-6 overflow-y-auto rounded-sm border border-gray-200 bg-white p-4 shadow-xl sm:grid-cols-3"
        >
          <Menu.RadioGroup value={current.id} onValueChange={choose} className="contents">
            {columns.map((column, i) => (
              <div key={i}>
                {column.map((area) => (
                  <Menu.Group key={area} className="mb-3">
                    <Menu.Label className="mb-1 px-2 text-xs font-semibold tracking-wide text-gray-600 uppercase">
                      {areaName(area)}
                    </Menu.Label>
                    {regions
                      .filter((r) => r.area === area)
                      .map((r) => (
                        <Menu.RadioItem
                          key={r.id}
                          value={r.id}
                          className="flex cursor-pointer items-center justify-between gap-3 rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-50 data-[state=checked]:font-semibold data-[state=checked]:text-blue-700"
                        >
                          <span>{nameOf(r)}</span>
                          <span
                            aria-label={t("selector.taskCount", { count: r.taskCount })}
                            className={r.taskCount ? "rounded-full bg-gray-100 px-1.5 text-xs text-gray-700" : "text-xs text-gray-600"}
                          >
                            {r.taskCount}
                          </span>
                        </Menu.RadioItem>
                      ))}
                  </Menu.Group>
                ))}
              </div>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
