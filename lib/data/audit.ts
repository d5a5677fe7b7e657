import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";
import type { Prisma } from "../generated/prisma/client";
import type { AuditQuery } from "../validation/audit";

export const AUDIT_PAGE_SIZE = 25;

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
} satisfies Prisma.AuditLogSelect;

type Db = Awaited<ReturnType<typeof getDb>>;

/** The names of the groups that still exist, by id (a deleted group's record keeps only its id). */
async function groupNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const groups = await db.consumerGroup.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(groups.map((g) => [g.id, g.name]));
}

/** One page of the audit log, newest first, each record with its group's name; admins only. */
export async function listAuditLog(user: SessionUser, query: AuditQuery) {
  assertReader(user, "audit.read");
  const db = await getDb();
  const where = whereOf(query);
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: AUDIT_ROW,
  });
  const names = await groupNames(db, rows.map((r) => r.groupId));
  return {
    rows: rows.map((r) => ({ ...r, id: r.id.toString(), groupName: r.groupId ? (names.get(r.groupId) ?? null) : null })),
    total,
    page,
    pageCount,
  };
}

export const AUDIT_CSV_COLUMNS = ["time_utc", "user", "role", "action", "region", "instance", "consumer_group", "consumer_group_name", "result", "error_code", "client_ip"] as const;

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
    const names = await groupNames(db, rows.map((r) => r.groupId));
    yield rows
      .map((r) =>
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
