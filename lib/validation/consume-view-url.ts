// The Data Consume page's view as the browser holds it (sort keys, the URL's query string),
// without zod: the table's client code imports this; the page parses the URL with
// consume-view.ts, which re-exports all of it.

/** The Data Consume table's sort keys: a column and a direction. */
export const CONSUME_SORT_KEYS = ["name", "state", "checkpoint", "delay", "unconsumed", "created"] as const;
export type ConsumeSortKey = (typeof CONSUME_SORT_KEYS)[number];
export const CONSUME_SORTS = CONSUME_SORT_KEYS.flatMap((k) => [`${k}_asc`, `${k}_desc`] as const);
export type ConsumeSort = `${ConsumeSortKey}_${"asc" | "desc"}`;
export const DEFAULT_CONSUME_SORT: ConsumeSort = "created_desc";

/** The state filter (docs/rules.md "Lag health"): what the State column says. */
export const CONSUME_STATES = ["connected", "stalled", "idle"] as const;
export type ConsumeState = (typeof CONSUME_STATES)[number];
/** The "delay over" filter's largest value: a day in seconds beyond the longest threshold is pointless. */
export const DELAY_OVER_MAX = 2_592_000;

/** The "delay over" filter's value from the URL or its field: whole seconds 0 to the maximum, else undefined. */
export function delayOverOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return /^\d{1,7}$/.test(text) && Number(text) <= DELAY_OVER_MAX ? Number(text) : undefined;
}

/**
 * The view: the search (name, id or account), the sort, the filters (state; delay over N seconds)
 * and the group whose details drawer is open.
 */
export interface ConsumeView {
  q?: string;
  sort: ConsumeSort;
  state?: ConsumeState;
  delayOver?: number;
  group?: string;
}

/** The query string of a view; defaults are left out so links stay short. */
export function consumeViewSearch(view: ConsumeView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.sort !== DEFAULT_CONSUME_SORT) params.set("sort", view.sort);
  if (view.state) params.set("state", view.state);
  if (view.delayOver !== undefined) params.set("delayOver", String(view.delayOver));
  if (view.group) params.set("group", view.group);
  const s = params.toString();
  return s ? `?${s}` : "";
}
