"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

const RegionContext = createContext<{ regionId: string; setRegionId: (id: string) => void } | null>(null);

export function RegionProvider({ initialRegionId, children }: { initialRegionId: string; children: ReactNode }) {
  const [regionId, setRegionId] = useState(initialRegionId);
  return <RegionContext.Provider value={{ regionId, setRegionId }}>{children}</RegionContext.Provider>;
}

export function useRegion() {
  const ctx = useContext(RegionContext);
  if (!ctx) throw new Error("useRegion needs a RegionProvider");
  return ctx;
}

/**
 * Shows the region of the page in the top bar. Remembering it is the proxy's job alone: it sets
 * the cookie when a task list of a known region is opened (the breadcrumbs link there).
 */
export function CurrentRegion({ regionId }: { regionId: string }) {
  const { setRegionId } = useRegion();
  useEffect(() => {
    setRegionId(regionId);
  }, [regionId, setRegionId]);
  return null;
}
