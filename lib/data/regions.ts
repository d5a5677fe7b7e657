import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";

export interface RegionOption {
  id: string;
  name: string;
  area: string;
  taskCount: number;
}

/** All regions in selector order, each with its number of change tracking tasks. */
export async function listRegions(user: SessionUser): Promise<RegionOption[]> {
  assertReader(user);
  const db = await getDb();
  const [regions, counts] = await Promise.all([
    db.region.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, area: true } }),
    db.instance.groupBy({ by: ["regionId"], _count: { _all: true } }),
  ]);
  const byRegion = new Map(counts.map((c) => [c.regionId, c._count._all]));
  return regions.map((r) => ({ ...r, taskCount: byRegion.get(r.id) ?? 0 }));
}


/** The requested region if known, else the remembered one if known, else the first region. */
export function resolveRegion(regions: RegionOption[], ...candidates: (string | undefined)[]): RegionOption {
  for (const id of candidates) {
    const match = id && regions.find((r) => r.id === id);
    if (match) return match;
  }
  return regions[0];
}
