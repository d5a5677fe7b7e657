import { z } from "./zod";
import { DTS_ID_PATTERN } from "./rules";
import { first, wholeNumberParam } from "./url-params";

/** The Alerts page's URL: one instance's history or all, and the page. A bad value falls back. */
export const alertsQuerySchema = z.object({
  instance: z.preprocess(first, z.string().regex(DTS_ID_PATTERN).optional()).catch(undefined),
  page: wholeNumberParam(1, 999_999, 1, 6),
});

export function alertsHref(instance: string | undefined, page = 1): string {
  const params = new URLSearchParams();
  if (instance) params.set("instance", instance);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/alerts?${s}` : "/alerts";
}
