import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { assertReader } from "./guard";
import type { Prisma } from "../generated/prisma/client";
import type { AuditQuery } from "../validation/audit";

export const AUDIT_PAGE_SIZE = 25;

/** One page of the audit log, newest first; admins only. */
export async function listAuditLog(user: SessionUser, query: AuditQuery) {
  assertReader(user, "audit.read");
  const db = await getDb();
  const at: Prisma.DateTimeFilter = {};
  if (query.from) at.gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) at.lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  const where: Prisma.AuditLogWhereInput = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.user ? { username: { contains: query.user, mode: "insensitive" } } : {}),
    ...(query.instance ? { instanceId: { contains: query.instance.toLowerCase() } } : {}),
    ...(query.result ? { result: query.result } : {}),
    ...(query.from || query.to ? { at } : {}),
  };
  const total = await db.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: { id: true, at: true, username: true, role: true, action: true, regionId: true, instanceId: true, groupId: true, result: true, errorCode: true, clientIp: true, channel: true, accessKeyId: true },
  });
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString() })), total, page, pageCount };
}
