import { z } from "./zod";
import { DTS_ID_PATTERN } from "./rules";

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);

/** The Alerts page's URL: one instance's history or all, and the page. A bad value falls back. */
export const alertsQuerySchema = z.object({
  instance: z.preprocess(first, z.string().regex(DTS_ID_PATTERN).optional()).catch(undefined),
  page: z
    .preprocess((v) => {
      const s = first(v);
      return typeof s === "string" && /^\d{1,6}$/.test(s) ? Number(s) : undefined;
    }, z.number().int().min(1).default(1))
    .catch(1),
});

export function alertsHref(instance: string | undefined, page = 1): string {
  const params = new URLSearchParams();
  if (instance) params.set("instance", instance);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/alerts?${s}` : "/alerts";
}
