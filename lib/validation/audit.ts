import { z } from "./zod";
import { first } from "./url-params";
import { AUDIT_ACTIONS } from "../audit";
import { parseRowKey } from "../pagination";
import { cleanQueryText } from "./text";

const text = z.preprocess((v) => cleanQueryText(first(v), 64), z.string().optional()).catch(undefined);

/** The earliest and latest days the filters accept; anything outside is ignored, not an error. */
export const AUDIT_FIRST_DAY = "2000-01-01";
export const AUDIT_LAST_DAY = "2099-12-31";

/** A calendar day YYYY-MM-DD that exists (no 2026-02-30) within the accepted range, else undefined. */
export function parseDay(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
  return value >= AUDIT_FIRST_DAY && value <= AUDIT_LAST_DAY ? value : undefined;
}

const day = z.preprocess((v) => parseDay(first(v)), z.string().optional()).catch(undefined);

/** Audit record ids are the bigserial's digits. */
export const AUDIT_ID_PATTERN = /^\d{1,19}$/;
/** A keyset cursor (`<epoch ms>.<record id>`, lib/pagination.ts), or undefined. */
const auditKey = z
  .preprocess((v) => (parseRowKey(first(v), AUDIT_ID_PATTERN) ? first(v) : undefined), z.string().optional())
  .catch(undefined);

/** The Audit Log page's URL state; bad values fall back to no filter. */
export const auditQuerySchema = z.object({
  action: z.preprocess(first, z.enum(AUDIT_ACTIONS).optional()).catch(undefined),
  user: text,
  instance: text,
  result: z.preprocess(first, z.enum(["ok", "refused"]).optional()).catch(undefined),
  from: day,
  to: day,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100000).default(1)).catch(1),
  /** The page starts after this record: the "next" link of the page before. */
  after: auditKey,
  /** The page ends before this record: the "previous" link of the page after. */
  before: auditKey,
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
