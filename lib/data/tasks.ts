import "server-only";
import { cache } from "react";
import type { SessionUser } from "../auth/session";
import { getDb, type Db } from "../db";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { assertReader } from "./guard";
import { Prisma } from "../generated/prisma/client";
import type { InstanceStatus } from "../generated/prisma/enums";
import { likeContains, parseRowKey, planPage, settlePage, type PageInfo, type PagePlan, type RowKey } from "../pagination";
import type { TaskListQuery } from "../validation/task";
import { listRegions } from "./regions";

/** The columns of the Change Tracking Tasks table. */
const TASK_ROW = {
  id: true,
  name: true,
  status: true,
  sourceType: true,
  sourceInstanceId: true,
  checkpointAt: true,
  dataBeginAt: true,
  dataEndAt: true,
  billingMethod: true,
  createdAt: true,
} satisfies Prisma.InstanceSelect;

export type TaskRow = Prisma.InstanceGetPayload<{ select: typeof TASK_ROW }>;

// The same columns in SQL: the list is read with row-value comparisons Prisma's query API cannot say.
const TASK_COLUMNS = Prisma.sql`"id", "name", "status", "source_type" AS "sourceType", "source_instance_id" AS "sourceInstanceId",
  "checkpoint_at" AS "checkpointAt", "data_begin_at" AS "dataBeginAt", "data_end_at" AS "dataEndAt",
  "billing_method" AS "billingMethod", "created_at" AS "createdAt"`;

/**
 * A search is counted up to this many matches ("100+"): tasks that do not match are read too while
 * counting (a two-character search has no trigram to look up), so the cap bounds that work at any
 * number of tasks. Lists without a search have exact totals from the counters.
 */
export const TASK_SEARCH_COUNT_CAP = 100;

const keyOf = (row: TaskRow): RowKey => ({ at: row.createdAt.getTime(), id: row.id });

/** A search by id or name: substrings, case-insensitive, through the trigram indexes. */
export function taskSearchSql(q: string): Prisma.Sql {
  // Ids are lowercase (instance_id_check): LIKE on the lowered text finds them through the index.
  return Prisma.sql`("id" LIKE ${likeContains(q.toLowerCase())} OR "name" ILIKE ${likeContains(q)})`;
}

/** The WHERE of a task list view: region, status, and a search by id or name. */
export function taskFilterSql(regionId: string, query: Pick<TaskListQuery, "status" | "q">): Prisma.Sql {
  const filters = [Prisma.sql`"region_id" = ${regionId}`];
  if (query.status) filters.push(Prisma.sql`"status" = ${query.status}::"InstanceStatus"`);
  if (query.q) filters.push(taskSearchSql(query.q));
  return Prisma.join(filters, " AND ");
}

/** The statement that reads one page of a view (exported for the tests' EXPLAIN). */
export function taskPageSql(where: Prisma.Sql, sort: TaskListQuery["sort"], plan: PagePlan): Prisma.Sql {
  const descending = (sort === "created_desc") !== plan.reverse;
  const order = descending ? Prisma.sql`ORDER BY "created_at" DESC, "id" DESC` : Prisma.sql`ORDER BY "created_at" ASC, "id" ASC`;
  const seek =
    plan.kind === "seek"
      ? descending
        ? Prisma.sql`AND ("created_at", "id") < (${new Date(plan.key.at).toISOString()}::timestamp, ${plan.key.id})`
        : Prisma.sql`AND ("created_at", "id") > (${new Date(plan.key.at).toISOString()}::timestamp, ${plan.key.id})`
      : Prisma.empty;
  const offset = plan.kind === "offset" && plan.offset > 0 ? Prisma.sql`OFFSET ${plan.offset}` : Prisma.empty;
  return Prisma.sql`SELECT ${TASK_COLUMNS} FROM "instance" WHERE ${where} ${seek} ${order} LIMIT ${plan.take} ${offset}`;
}

/** Total tasks of a region (and status) from the counters the triggers keep (region_task_count). */
async function countTasks(user: SessionUser, db: Db, regionId: string, status: InstanceStatus | undefined): Promise<number> {
  if (!status) return (await listRegions(user)).find((r) => r.id === regionId)?.taskCount ?? 0;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(SUM("task_count"), 0)::int AS "n" FROM "region_task_count" WHERE "region_id" = ${regionId} AND "status" = ${status}::"InstanceStatus"`;
  return rows[0]?.n ?? 0;
}

/**
 * One page of a region's tasks, newest (or oldest) first with the id as tie-breaker, searched by
 * id or name (substring, case-insensitive). Every read is a range of an index that matches the
 * sort: the region's (status's) `(created_at, id)` index, or the trigram indexes for a search
 * (lib/pagination.ts explains the paging).
 */
export async function listTasks(user: SessionUser, regionId: string, query: TaskListQuery): Promise<{ rows: TaskRow[] } & PageInfo> {
  assertReader(user);
  const db = await getDb();
  const where = taskFilterSql(regionId, query);

  const counting: Promise<{ count: number; capped: boolean }> = query.q
    ? db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "instance" WHERE ${where} LIMIT ${TASK_SEARCH_COUNT_CAP + 1}) AS "matches"`.then(
        (r) => {
          const n = r[0]?.n ?? 0;
          return { count: Math.min(n, TASK_SEARCH_COUNT_CAP), capped: n > TASK_SEARCH_COUNT_CAP };
        },
      )
    : countTasks(user, db, regionId, query.status).then((count) => ({ count, capped: false }));
  const request = {
    page: query.page,
    pageSize: query.pageSize,
    after: parseRowKey(query.after, DTS_ID_PATTERN),
    before: parseRowKey(query.before, DTS_ID_PATTERN),
  };
  // Page 1 and the neighbour links need no total to be read: the two queries run together.
  const needsTotal = request.page > 1 && !request.after && !request.before;
  const readPage = (total: number | null) => {
    const plan = planPage({ ...request, total });
    return db.$queryRaw<TaskRow[]>(taskPageSql(where, query.sort, plan)).then((rows) => ({ plan, rows }));
  };
  let counted: { count: number; capped: boolean };
  let read: Awaited<ReturnType<typeof readPage>>;
  if (needsTotal) {
    counted = await counting;
    read = await readPage(counted.capped ? null : counted.count);
  } else {
    [counted, read] = await Promise.all([counting, readPage(null)]);
  }
  const { rows, info } = settlePage(read.plan, read.rows, keyOf, query.pageSize, counted.count, counted.capped);
  return { rows, ...info };
}

const INSTANCE_DETAIL = {
  ...TASK_ROW,
  regionId: true,
  trackedObjects: true,
  trackDml: true,
  trackDdl: true,
  topic: true,
  vpcEndpoint: true,
  privateEndpoint: true,
  publicEndpoint: true,
  consumerGroupCount: true,
} satisfies Prisma.InstanceSelect;

export type InstanceDetail = Prisma.InstanceGetPayload<{ select: typeof INSTANCE_DETAIL }> & { region: { name: string } };

/**
 * One instance with everything the instance pages show, or null; read once per request, in one
 * statement: its region's name comes from the region list the console layout read already.
 */
export const getInstance = cache(async (user: SessionUser, id: string): Promise<InstanceDetail | null> => {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(id)) return null;
  const db = await getDb();
  const [instance, regions] = await Promise.all([db.instance.findUnique({ where: { id }, select: INSTANCE_DETAIL }), listRegions(user)]);
  if (!instance) return null;
  return { ...instance, region: { name: regions.find((r) => r.id === instance.regionId)?.name ?? instance.regionId } };
});

export interface TrackedObject {
  database: string;
  tables: string[];
}

/** The tracked objects column, read defensively (it is JSON). */
export function parseTrackedObjects(value: unknown): TrackedObject[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) =>
    v && typeof v === "object" && typeof (v as TrackedObject).database === "string"
      ? [
          {
            database: (v as TrackedObject).database,
            tables: Array.isArray((v as TrackedObject).tables) ? (v as TrackedObject).tables.filter((t) => typeof t === "string") : [],
          },
        ]
      : [],
  );
}
