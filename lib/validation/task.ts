import { z } from "./zod";
import { first } from "./url-params";
import { parseRowKey } from "../pagination";
import { DTS_ID_PATTERN } from "./consumer-group";
import { InstanceStatus } from "../generated/prisma/enums";
import { cleanQueryText } from "./text";
import { PAGE_SIZES, TASK_SORTS } from "./rules";

export { INSTANCE_STATUSES, PAGE_SIZES, TASK_SORTS, type TaskSort } from "./rules";

/** A keyset cursor (`<epoch ms>.<instance id>`, lib/pagination.ts), or undefined. */
const taskKey = z.preprocess((v) => (parseRowKey(first(v), DTS_ID_PATTERN) ? first(v) : undefined), z.string().optional()).catch(undefined);

/**
 * The task list's URL state. A copied link reproduces the view; a hand-edited bad value falls back
 * to its default instead of failing the page.
 */
export const taskListQuerySchema = z.object({
  region: z.preprocess(first, z.string().max(32).optional()).catch(undefined),
  // Control characters (a NUL included) are dropped: they cannot be in an id or a name.
  q: z.preprocess((v) => cleanQueryText(first(v), 128), z.string().optional()).catch(undefined),
  status: z.preprocess(first, z.enum(InstanceStatus).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(TASK_SORTS).default("created_desc")).catch("created_desc"),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100000).default(1)).catch(1),
  pageSize: z
    .preprocess(
      first,
      z.coerce
        .number()
        .pipe(z.union(PAGE_SIZES.map((n) => z.literal(n))))
        .default(10),
    )
    .catch(10),
  /** The page starts after this row: the "next" link of the page before. */
  after: taskKey,
  /** The page ends before this row: the "previous" link of the page after. */
  before: taskKey,
});

export type TaskListQuery = z.output<typeof taskListQuerySchema>;
