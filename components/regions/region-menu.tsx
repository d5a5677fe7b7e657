"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { useLandmark } from "../ui/use-landmark";
import type { Wanted } from "../ui/when-wanted";
import { useRegion } from "./region-context";
import { localRegionName, regionAreaKey, type RegionEntry } from "./region-names";

/** The region selector's menu, loaded when first wanted (region-selector.tsx draws its trigger until then). */
export function RegionMenu({
  regions,
  current,
  trigger,
  defaultOpen,
  autoFocus,
}: { regions: RegionEntry[]; current: string; trigger: ComponentProps<"button"> } & Wanted) {
  const t = useTranslations("regions");
  const nameOf = (r: RegionEntry) => localRegionName(t, r);
  const areaName = (area: string) => {
    const key = regionAreaKey(area);
    return key ? t(key) : area;
  };
  const router = useRouter();
  const pathname = usePathname();
  const { setRegionId } = useRegion();
  const landmark = useLandmark("top-bar");
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
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger {...trigger} autoFocus={autoFocus} />
      <Menu.Portal container={landmark}>
        <Menu.Content
          align="start"
          sideOffset={6}
          className="z-50 grid max-h-[min(80vh,var(--radix-dropdown-menu-content-available-height))] w-[46rem] max-w-[calc(100vw-1rem)] grid-cols-1 gap-x-6 overflow-y-auto rounded-sm border border-gray-200 bg-white p-4 shadow-xl sm:grid-cols-3"
        >
          <Menu.RadioGroup value={current} onValueChange={choose} className="contents">
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
