import "server-only";
import { cache } from "react";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { assertReader } from "./guard";
import type { Prisma } from "../generated/prisma/client";
import type { TaskListQuery } from "../validation/task";

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

/** One page of a region's tasks, searched by id or name (contains, case-insensitive). */
export async function listTasks(user: SessionUser, regionId: string, query: TaskListQuery) {
  assertReader(user);
  const db = await getDb();
  const where: Prisma.InstanceWhereInput = {
    regionId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q
      ? {
          OR: [
            { id: { contains: query.q, mode: "insensitive" } },
            { name: { contains: query.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.instance.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  // A page past the end (an old link, a narrower search) shows the last page rather than nothing.
  const page = Math.min(query.page, pageCount);
  const rows = await db.instance.findMany({
    where,
    select: TASK_ROW,
    orderBy: [{ createdAt: query.sort === "created_asc" ? "asc" : "desc" }, { id: "asc" }],
    skip: (page - 1) * query.pageSize,
    take: query.pageSize,
  });
  return { rows, total, page, pageCount };
}

const INSTANCE_DETAIL = {
  ...TASK_ROW,
  regionId: true,
  region: { select: { name: true } },
  trackedObjects: true,
  trackDml: true,
  trackDdl: true,
  topic: true,
  vpcEndpoint: true,
  privateEndpoint: true,
  publicEndpoint: true,
  consumerGroupCount: true,
} satisfies Prisma.InstanceSelect;

export type InstanceDetail = Prisma.InstanceGetPayload<{ select: typeof INSTANCE_DETAIL }>;

/** One instance with everything the instance pages show, or null; read once per request. */
export const getInstance = cache(async (user: SessionUser, id: string): Promise<InstanceDetail | null> => {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(id)) return null;
  const db = await getDb();
  return db.instance.findUnique({ where: { id }, select: INSTANCE_DETAIL });
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
      ? [{ database: (v as TrackedObject).database, tables: Array.isArray((v as TrackedObject).tables) ? (v as TrackedObject).tables.filter((t) => typeof t === "string") : [] }]
      : [],
  );
}
