"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { REGION_COOKIE, REGION_COOKIE_MAX_AGE } from "@/lib/regions";

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

/** Remembers the region the page shows (like DTS, in a cookie) and shows it in the top bar. */
export function CurrentRegion({ regionId }: { regionId: string }) {
  const { setRegionId } = useRegion();
  useEffect(() => {
    setRegionId(regionId);
    document.cookie = `${REGION_COOKIE}=${encodeURIComponent(regionId)}; path=/; max-age=${REGION_COOKIE_MAX_AGE}; samesite=lax`;
  }, [regionId, setRegionId]);
  return null;
}
