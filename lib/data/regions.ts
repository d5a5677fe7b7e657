import "server-only";
import { cache } from "react";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { REGION_IDS } from "../regions";
import { assertReader } from "./guard";

export interface RegionOption {
  id: string;
  name: string;
  area: string;
  taskCount: number;
}

/**
 * All regions in selector order, each with its number of change tracking tasks. The counts come
 * from region_task_count, which triggers keep (a few rows, not a count of the instance table), and
 * the list is read once per request however many layouts and pages ask.
 */
export const listRegions = cache(async (user: SessionUser): Promise<RegionOption[]> => {
  assertReader(user);
  const db = await getDb();
  return db.$queryRaw<RegionOption[]>`
    SELECT r."id", r."name", r."area", COALESCE(SUM(c."task_count"), 0)::int AS "taskCount"
      FROM "region" r LEFT JOIN "region_task_count" c ON c."region_id" = r."id"
     GROUP BY r."id"
     ORDER BY r."sort_order"`;
});

/** The requested region if known, else the remembered one if known, else the first region. */
export function resolveRegion(regions: RegionOption[], ...candidates: (string | undefined)[]): RegionOption {
  for (const id of candidates) {
    const match = id && regions.find((r) => r.id === id);
    if (match) return match;
  }
  return regions[0];
}

/**
 * The same choice as {@link resolveRegion}, from the region ids alone (the migration inserts exactly
 * these, a test compares them), so a page can read its tasks while the region list is still loading.
 */
export function resolveRegionId(...candidates: (string | undefined)[]): string {
  return candidates.find((id): id is string => !!id && (REGION_IDS as readonly string[]).includes(id)) ?? REGION_IDS[0];
}
