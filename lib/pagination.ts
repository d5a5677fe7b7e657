/**
 * Paging that costs the same on page 10,000 as on page 1 (README "Scale"). A list is read in its
 * display order by an index that matches the sort, tie-breaker included, so:
 * - the next and previous pages are read by keyset: the rows after the last row (or before the
 *   first row) of the page on screen, whose key the page links carry (`after=` / `before=`);
 * - a page typed by number is read from the nearer end of the list when the total is known: the
 *   last page is the first rows of the reversed order;
 * - the total is exact where it is cheap (counters kept by triggers) and otherwise counted only up
 *   to a cap ("1,000+").
 * Page numbers stay in the URL either way, so links look and work as before.
 */

/** A row's place in its list: its sort time in epoch milliseconds and its id (the tie-breaker). */
export interface RowKey {
  at: number;
  id: string;
}

/** `<epoch ms>.<id>`, the form keys take in URLs. */
export function formatRowKey(key: RowKey): string {
  return `${key.at}.${key.id}`;
}

/** A key from a URL, or undefined when it is not one (bad values fall back to page numbers). */
export function parseRowKey(value: unknown, idPattern: RegExp): RowKey | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{1,15})\.(.{1,40})$/.exec(value);
  if (!match || !idPattern.test(match[2])) return undefined;
  const at = Number(match[1]);
  // Database timestamps run from 2000 to 2100 here; anything else is no key of ours.
  if (at < 946_684_800_000 || at > 4_102_444_800_000) return undefined;
  return { at, id: match[2] };
}

export interface PageRequest {
  /** 1-based, as in the URL */
  page: number;
  pageSize: number;
  /** The exact number of rows, or null when only a capped count is known. */
  total: number | null;
  /** The page starts after this row (a "next" link). */
  after?: RowKey;
  /** The page ends before this row (a "previous" link). */
  before?: RowKey;
}

/**
 * How to read one page: seek from a key, or skip rows from one end. `reverse` reads the list in the
 * opposite order (the rows are then turned around); `take` includes one extra row where that tells
 * whether a next page exists.
 */
export type PagePlan =
  | { kind: "seek"; key: RowKey; reverse: boolean; take: number; page: number }
  | { kind: "offset"; offset: number; reverse: boolean; take: number; page: number };

/** The page count of an exact total (at least 1, so an empty list has page 1). */
export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function planPage(req: PageRequest): PagePlan {
  const { pageSize, total } = req;
  // A page past the end (an old link, a narrower search) shows the last page rather than nothing.
  const page = total === null ? req.page : Math.min(req.page, pageCountOf(total, pageSize));
  if (req.after && page > 1) return { kind: "seek", key: req.after, reverse: false, take: pageSize + 1, page };
  if (req.before && page > 1) return { kind: "seek", key: req.before, reverse: true, take: pageSize, page };
  const start = (page - 1) * pageSize;
  if (total !== null && page > 1) {
    const end = Math.min(page * pageSize, total);
    const fromEnd = total - end;
    if (fromEnd < start) return { kind: "offset", offset: fromEnd, reverse: true, take: end - start, page };
  }
  return { kind: "offset", offset: start, reverse: false, take: pageSize + 1, page };
}

/** What a list page shows about its place in the list, and the keys its neighbour links carry. */
export interface PageInfo {
  page: number;
  pageSize: number;
  /** The exact total, or the cap when `capped`. */
  total: number;
  /** More rows than `total` match; the count stopped there. */
  capped: boolean;
  /** null when the total is capped: the last page is not known. */
  pageCount: number | null;
  hasNext: boolean;
  /** Key of this page's first row, for the previous page's link. */
  before?: string;
  /** Key of this page's last row, for the next page's link. */
  after?: string;
}

/**
 * Puts the rows a plan read into display order and describes the page. `count` is the exact total
 * or, when `capped`, the cap.
 */
export function settlePage<T>(
  plan: PagePlan,
  read: T[],
  keyOf: (row: T) => RowKey,
  pageSize: number,
  count: number,
  capped: boolean,
): { rows: T[]; info: PageInfo } {
  const rows = plan.reverse ? [...read].reverse() : read.slice(0, pageSize);
  const pageCount = capped ? null : pageCountOf(count, pageSize);
  const hasNext = pageCount !== null ? plan.page < pageCount : plan.reverse || read.length > pageSize;
  const first = rows.at(0);
  const last = rows.at(-1);
  return {
    rows,
    info: {
      page: plan.page,
      pageSize,
      total: count,
      capped,
      pageCount,
      hasNext,
      before: first && plan.page > 1 ? formatRowKey(keyOf(first)) : undefined,
      after: last && hasNext ? formatRowKey(keyOf(last)) : undefined,
    },
  };
}

/** "1,234" or "1,000+". */
export function formatTotal(total: number, capped: boolean): string {
  return `${total.toLocaleString("en-US")}${capped ? "+" : ""}`;
}

/** Escapes LIKE's wildcards so a search for "50%" or "a_b" finds those characters. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
