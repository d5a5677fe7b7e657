import { z } from "./zod";
import { DELAY_OVER_MAX } from "./consume-view-url";
import { cleanQueryText } from "./text";

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** The Lagging Consumer Groups page's default threshold: a minute, the table's "warn" level. */
export const LAGGING_DEFAULT_OVER = 60;
export const LAGGING_PAGE_SIZE = 20;

/**
 * The Lagging Consumer Groups page's URL (docs/rules.md "Lag health"): the region, the delay
 * threshold in whole seconds and the page. A hand-edited bad value falls back to its default.
 */
export const laggingQuerySchema = z.object({
  region: z.preprocess((v) => cleanQueryText(first(v), 32), z.string().optional()).catch(undefined),
  over: z
    .preprocess((v) => {
      const s = first(v);
      return typeof s === "string" && /^\d{1,7}$/.test(s) ? Number(s) : undefined;
    }, z.number().int().min(0).max(DELAY_OVER_MAX).default(LAGGING_DEFAULT_OVER))
    .catch(LAGGING_DEFAULT_OVER),
  page: z
    .preprocess((v) => {
      const s = first(v);
      return typeof s === "string" && /^\d{1,6}$/.test(s) ? Number(s) : undefined;
    }, z.number().int().min(1).default(1))
    .catch(1),
});
export type LaggingQuery = z.output<typeof laggingQuerySchema>;

/** The page's URL for a view; defaults are left out. */
export function laggingHref(regionId: string, over: number, page = 1): string {
  const params = new URLSearchParams({ region: regionId });
  if (over !== LAGGING_DEFAULT_OVER) params.set("over", String(over));
  if (page > 1) params.set("page", String(page));
  return `/lagging?${params.toString()}`;
}
