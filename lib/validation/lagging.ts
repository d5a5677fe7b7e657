import { z } from "./zod";
import { DELAY_OVER_MAX } from "./consume-view-url";
import { cleanQueryText } from "./text";
import { first, wholeNumberParam } from "./url-params";

/** The Lagging Consumer Groups page's default threshold: a minute, the table's "warn" level. */
export const LAGGING_DEFAULT_OVER = 60;
export const LAGGING_PAGE_SIZE = 20;

/**
 * The Lagging Consumer Groups page's URL (docs/rules.md "Lag health"): the region, the delay
 * threshold in whole seconds and the page. A hand-edited bad value falls back to its default.
 */
export const laggingQuerySchema = z.object({
  region: z.preprocess((v) => cleanQueryText(first(v), 32), z.string().optional()).catch(undefined),
  over: wholeNumberParam(0, DELAY_OVER_MAX, LAGGING_DEFAULT_OVER),
  page: wholeNumberParam(1, 999_999, 1, 6),
});
export type LaggingQuery = z.output<typeof laggingQuerySchema>;

/** The page's URL for a view; defaults are left out. */
export function laggingHref(regionId: string, over: number, page = 1): string {
  const params = new URLSearchParams({ region: regionId });
  if (over !== LAGGING_DEFAULT_OVER) params.set("over", String(over));
  if (page > 1) params.set("page", String(page));
  return `/lagging?${params.toString()}`;
}
