import { z } from "./zod";

/** A query parameter given twice arrives as an array: the first value counts. */
export const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** A whole number of at most `digits` digits from a query parameter, in range, else `fallback`. */
export function wholeNumberParam(min: number, max: number, fallback: number, digits = 7) {
  const pattern = new RegExp(`^\\d{1,${digits}}$`);
  return z
    .preprocess((v) => {
      const s = first(v);
      return typeof s === "string" && pattern.test(s) ? Number(s) : undefined;
    }, z.number().int().min(min).max(max).default(fallback))
    .catch(fallback);
}
