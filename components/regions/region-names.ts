import { REGION_AREA_KEYS, REGION_IDS } from "@/lib/regions";

// A region's name and area in the page's language (messages regions.names / regions.areas): the
// database holds them in English. For server and client alike, with a translator of "regions":
//   const key = regionNameKey(region.id); key ? t(key) : region.name

export type RegionId = (typeof REGION_IDS)[number];
type AreaKey = (typeof REGION_AREA_KEYS)[keyof typeof REGION_AREA_KEYS];

export function isRegionId(id: string): id is RegionId {
  return (REGION_IDS as readonly string[]).includes(id);
}

/** `names.<id>`, or null for a region the catalogue does not know (its database name then shows). */
export function regionNameKey(id: string): `names.${RegionId}` | null {
  return isRegionId(id) ? `names.${id}` : null;
}

/** `areas.<key>` of an area as the `region` table writes it ("Asia Pacific"), or null. */
export function regionAreaKey(area: string): `areas.${AreaKey}` | null {
  return Object.hasOwn(REGION_AREA_KEYS, area) ? `areas.${REGION_AREA_KEYS[area as keyof typeof REGION_AREA_KEYS]}` : null;
}

/** A region's name in the page's language, given a translator of "regions" (server or client). */
export function localRegionName(t: (key: `names.${RegionId}`) => string, region: { id: string; name?: string }): string {
  const key = regionNameKey(region.id);
  return key ? t(key) : (region.name ?? region.id);
}

/** A region as the console frame gets it: the database's English name only where the catalogue does not know the id. */
export interface RegionEntry {
  id: string;
  area: string;
  taskCount: number;
  name?: string;
}

/**
 * The region list as every page's payload carries it: grouped by area, each region as
 * `[id, taskCount]`, with its database name only where the catalogue does not know the id. Keys
 * repeated for 25 regions were over a kilobyte of each page (README "Benchmark").
 */
export type PackedRegions = [area: string, regions: ([id: string, taskCount: number] | [id: string, taskCount: number, name: string])[]][];

export function packRegions(regions: Required<RegionEntry>[]): PackedRegions {
  const packed: PackedRegions = [];
  for (const r of regions) {
    let group = packed.find(([area]) => area === r.area);
    if (!group) packed.push((group = [r.area, []]));
    group[1].push(regionNameKey(r.id) ? [r.id, r.taskCount] : [r.id, r.taskCount, r.name]);
  }
  return packed;
}

/** The list back, in the order it was packed within each area. */
export function unpackRegions(packed: PackedRegions): RegionEntry[] {
  return packed.flatMap(([area, list]) =>
    list.map(([id, taskCount, name]) => (name === undefined ? { id, area, taskCount } : { id, area, taskCount, name })),
  );
}
