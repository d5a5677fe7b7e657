import { z } from "./zod";
import { DTS_ID_PATTERN } from "./rules";
import { cleanQueryText } from "./text";
import { first } from "./url-params";
import { CONSUME_SORTS, CONSUME_STATES, DEFAULT_CONSUME_SORT, delayOverOf, type ConsumeSort, type ConsumeView } from "./consume-view-url";

export * from "./consume-view-url";

/**
 * The Data Consume page's URL state: the search (name, id or account), the sort, the filters and
 * the group whose details drawer is open. A hand-edited bad value falls back to its default.
 */
export const consumeViewSchema: z.ZodType<ConsumeView> = z.object({
  q: z.preprocess((v) => cleanQueryText(first(v), 128), z.string().optional()).catch(undefined),
  sort: z
    .preprocess(first, z.enum(CONSUME_SORTS as unknown as [ConsumeSort, ...ConsumeSort[]]).default(DEFAULT_CONSUME_SORT))
    .catch(DEFAULT_CONSUME_SORT),
  state: z.preprocess(first, z.enum(CONSUME_STATES).optional()).catch(undefined),
  delayOver: z.preprocess((v) => delayOverOf(first(v)), z.number().optional()).catch(undefined),
  group: z.preprocess(first, z.string().regex(DTS_ID_PATTERN).optional()).catch(undefined),
});
