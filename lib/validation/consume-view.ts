import { z } from "./zod";
import { DTS_ID_PATTERN } from "./consumer-group";
import { cleanQueryText } from "./text";

/** The Data Consume table's sort keys: a column and a direction. */
export const CONSUME_SORT_KEYS = ["name", "state", "checkpoint", "delay", "unconsumed", "created"] as const;
export type ConsumeSortKey = (typeof CONSUME_SORT_KEYS)[number];
export const CONSUME_SORTS = CONSUME_SORT_KEYS.flatMap((k) => [`${k}_asc`, `${k}_desc`] as const);
export type ConsumeSort = `${ConsumeSortKey}_${"asc" | "desc"}`;
export const DEFAULT_CONSUME_SORT: ConsumeSort = "created_desc";

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/**
 * The Data Consume page's URL state: the search (name, id or account), the sort, and the group
 * whose details drawer is open. A hand-edited bad value falls back to its default.
 */
export const consumeViewSchema = z.object({
  q: z.preprocess((v) => cleanQueryText(first(v), 128), z.string().optional()).catch(undefined),
  sort: z
    .preprocess(first, z.enum(CONSUME_SORTS as unknown as [ConsumeSort, ...ConsumeSort[]]).default(DEFAULT_CONSUME_SORT))
    .catch(DEFAULT_CONSUME_SORT),
  group: z.preprocess(first, z.string().regex(DTS_ID_PATTERN).optional()).catch(undefined),
});
export type ConsumeView = z.output<typeof consumeViewSchema>;

/** The query string of a view; defaults are left out so links stay short. */
export function consumeViewSearch(view: ConsumeView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.sort !== DEFAULT_CONSUME_SORT) params.set("sort", view.sort);
  if (view.group) params.set("group", view.group);
  const s = params.toString();
  return s ? `?${s}` : "";
}
