import { z } from "zod";
import { AUDIT_ACTIONS } from "../audit";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = z.preprocess(first, z.string().trim().max(64).optional()).catch(undefined);
const day = z.preprocess(first, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined);

/** The Audit Log page's URL state; bad values fall back to no filter. */
export const auditQuerySchema = z.object({
  action: z.preprocess(first, z.enum(AUDIT_ACTIONS).optional()).catch(undefined),
  user: text,
  instance: text,
  result: z.preprocess(first, z.enum(["ok", "refused"]).optional()).catch(undefined),
  from: day,
  to: day,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100000).default(1)).catch(1),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
