import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";
import { Prisma } from "../generated/prisma/client";
import type { AuditResult } from "../generated/prisma/enums";
import { likeContains, parseRowKey, planPage, settlePage, type PageInfo, type PagePlan, type RowKey } from "../pagination";
import { AUDIT_ID_PATTERN, type AuditQuery } from "../validation/audit";
import { DTS_ID_PATTERN } from "../validation/consumer-group";

export const AUDIT_PAGE_SIZE = 25;

/**
 * The log is counted up to this many records ("1,000+"): an exact count of a million records
 * would read them all on every page view. The whole log's count is a range of an index.
 */
export const AUDIT_COUNT_CAP = 1000;
/**
 * A filtered view is counted up to this many matches ("100+"): records that do not match are read
 * too while counting, so the cap bounds that work whatever the filter.
 */
export const AUDIT_FILTERED_COUNT_CAP = 100;

export interface AuditRow {
  id: string;
  at: Date;
  username: string;
  role: string | null;
  action: string;
  regionId: string | null;
  instanceId: string | null;
  groupId: string | null;
  result: AuditResult;
  errorCode: string | null;
  clientIp: string | null;
  /** "console" or "api" (docs/rules.md "Audit"); absent on records that are neither */
  channel?: string | null;
  /** the AccessKey an API call was signed with, or the one an AccessKey action changed */
  accessKeyId?: string | null;
  /** the group's name while the group exists */
  groupName?: string | null;
}

const keyOf = (row: AuditRow): RowKey => ({ at: row.at.getTime(), id: row.id });

function auditFilters(query: AuditQuery): Prisma.Sql[] {
  const filters: Prisma.Sql[] = [];
  if (query.action) filters.push(Prisma.sql`"action" = ${query.action}`);
  if (query.user) filters.push(Prisma.sql`"username" ILIKE ${likeContains(query.user)}`);
  if (query.instance) {
    const instance = query.instance.toLowerCase();
    // A whole id is that instance's records, newest first through its index; part of an id matches
    // every id containing it (read newest first until the page and the capped count are full).
    filters.push(
      DTS_ID_PATTERN.test(instance) ? Prisma.sql`"instance_id" = ${instance}` : Prisma.sql`"instance_id" LIKE ${likeContains(instance)}`,
    );
  }
  if (query.result) filters.push(Prisma.sql`"result" = ${query.result}::"AuditResult"`);
  if (query.from) filters.push(Prisma.sql`"at" >= ${`${query.from}T00:00:00.000`}::timestamp`);
  if (query.to) filters.push(Prisma.sql`"at" < (${`${query.to}T00:00:00.000`}::timestamp + interval '1 day')`);
  return filters;
}

/** How far a view's records are counted. */
export function auditCountCap(query: AuditQuery): number {
  return auditFilters(query).length ? AUDIT_FILTERED_COUNT_CAP : AUDIT_COUNT_CAP;
}

/** The WHERE of an audit view (empty without filters). */
export function auditFilterSql(query: AuditQuery): Prisma.Sql {
  const filters = auditFilters(query);
  return filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
}

/** The statement that reads one page of a view (exported for the tests' EXPLAIN). */
export function auditPageSql(query: AuditQuery, plan: PagePlan): Prisma.Sql {
  const filters = auditFilters(query);
  if (plan.kind === "seek") {
    const at = new Date(plan.key.at).toISOString();
    filters.push(
      plan.reverse
        ? Prisma.sql`("at", "id") > (${at}::timestamp, ${plan.key.id}::bigint)`
        : Prisma.sql`("at", "id") < (${at}::timestamp, ${plan.key.id}::bigint)`,
    );
  }
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const order = plan.reverse ? Prisma.sql`ORDER BY "at" ASC, "id" ASC` : Prisma.sql`ORDER BY "at" DESC, "id" DESC`;
  const offset = plan.kind === "offset" && plan.offset > 0 ? Prisma.sql`OFFSET ${plan.offset}` : Prisma.empty;
  return Prisma.sql`
    SELECT "id", "at", "username", "role", "action", "region_id" AS "regionId", "instance_id" AS "instanceId", "group_id" AS "groupId",
           "result", "error_code" AS "errorCode", "client_ip" AS "clientIp", "channel", "access_key_id" AS "accessKeyId"
      FROM "audit_log" ${where} ${order} LIMIT ${plan.take} ${offset}`;
}

/**
 * One page of the audit log, newest first (the id breaks ties); admins only. The order is the
 * `(at, id)` index read backwards; an action and a whole instance id have their own indexes in
 * that order, a user (substring) a trigram index, and the days are a range of the first.
 */
export async function listAuditLog(user: SessionUser, query: AuditQuery): Promise<{ rows: AuditRow[] } & PageInfo> {
  assertReader(user, "audit.read");
  const db = await getDb();
  const where = auditFilterSql(query);
  const cap = auditCountCap(query);
  const counting = db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "audit_log" ${where} LIMIT ${cap + 1}) AS "matches"`.then((r) => {
    const n = r[0]?.n ?? 0;
    return { count: Math.min(n, cap), capped: n > cap };
  });
  const request = {
    page: query.page,
    pageSize: AUDIT_PAGE_SIZE,
    after: parseRowKey(query.after, AUDIT_ID_PATTERN),
    before: parseRowKey(query.before, AUDIT_ID_PATTERN),
  };
  const readPage = (total: number | null) => {
    const plan = planPage({ ...request, total });
    return db
      .$queryRaw<(Omit<AuditRow, "id"> & { id: bigint })[]>(auditPageSql(query, plan))
      .then((rows) => ({ plan, rows: rows.map((r) => ({ ...r, id: r.id.toString() })) }));
  };
  let counted: Awaited<typeof counting>;
  let read: Awaited<ReturnType<typeof readPage>>;
  if (request.page > 1 && !request.after && !request.before) {
    counted = await counting;
    read = await readPage(counted.capped ? null : counted.count);
  } else {
    [counted, read] = await Promise.all([counting, readPage(null)]);
  }
  const { rows, info } = settlePage(read.plan, read.rows, keyOf, AUDIT_PAGE_SIZE, counted.count, counted.capped);
  const names = await groupNames(
    db,
    rows.map((r) => r.groupId),
  );
  return { rows: rows.map((r) => ({ ...r, groupName: r.groupId ? (names.get(r.groupId) ?? null) : null })), ...info };
}

type Db = Awaited<ReturnType<typeof getDb>>;

/** The names of the groups that still exist, by id (a deleted group's record keeps only its id). */
async function groupNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const groups = await db.consumerGroup.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(groups.map((g) => [g.id, g.name]));
}

function whereOf(query: AuditQuery): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (query.from) at.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) at.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  return {
    ...(query.action ? { action: query.action } : {}),
    ...(query.user ? { username: { contains: query.user, mode: "insensitive" } } : {}),
    ...(query.instance ? { instanceId: { contains: query.instance.toLowerCase() } } : {}),
    ...(query.result ? { result: query.result } : {}),
    ...(query.from || query.to ? { at } : {}),
  };
}

const AUDIT_ROW = {
  id: true,
  at: true,
  username: true,
  role: true,
  action: true,
  regionId: true,
  instanceId: true,
  groupId: true,
  result: true,
  errorCode: true,
  clientIp: true,
  channel: true,
  accessKeyId: true,
} satisfies Prisma.AuditLogSelect;

export const AUDIT_CSV_COLUMNS = [
  "time_utc",
  "user",
  "role",
  "action",
  "region",
  "instance",
  "consumer_group",
  "consumer_group_name",
  "result",
  "error_code",
  "client_ip",
  // How the action came: "console" (a signed-in user's page) or "api" with the AccessKey it was
  // signed with, so an API call with a key an admin made for someone is not read as their click.
  "channel",
  "access_key_id",
] as const;

/**
 * One CSV field. Quoted always; a value a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe, so an exported username cannot become a formula.
 */
export function csvField(value: string | null | undefined): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

const BATCH = 500;

/**
 * The filtered audit log as CSV lines, newest first, read in batches by keyset (at, id) so memory
 * stays flat however long the log is; admins only. The header line comes first.
 */
export async function* auditLogCsv(user: SessionUser, query: AuditQuery): AsyncGenerator<string> {
  assertReader(user, "audit.read");
  const db = await getDb();
  const where = whereOf(query);
  yield `${AUDIT_CSV_COLUMNS.join(",")}\r\n`;
  let after: { at: Date; id: bigint } | null = null;
  for (;;) {
    const rows: Prisma.AuditLogGetPayload<{ select: typeof AUDIT_ROW }>[] = await db.auditLog.findMany({
      where: after ? { AND: [where, { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] } : where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: BATCH,
      select: AUDIT_ROW,
    });
    if (!rows.length) return;
    const names = await groupNames(
      db,
      rows.map((r) => r.groupId),
    );
    yield rows
      .map(
        (r) =>
          [
            r.at.toISOString(),
            r.username,
            r.role,
            r.action,
            r.regionId,
            r.instanceId,
            r.groupId,
            r.groupId ? names.get(r.groupId) : null,
            r.result,
            r.errorCode,
            r.clientIp,
            r.channel,
            r.accessKeyId,
          ]
            .map(csvField)
            .join(",") + "\r\n",
      )
      .join("");
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
}
