import "server-only";
import { getDb } from "../db";
import { auditQuerySchema, type AuditQuery } from "../validation/audit";
import type { ActionSpec } from "./run-action";

/**
 * The Audit Log's CSV export (docs/rules.md "Audit"): admins only, the filters parsed like the
 * page's, and the export recorded before a single row is sent. The route handler streams it.
 */
export const exportAuditLogSpec = {
  name: "exportAuditLog",
  permission: "audit.read",
  schema: auditQuerySchema,
  async handler(input, ctx) {
    await ctx.audit(await getDb());
    return { ok: true, data: input };
  },
} satisfies ActionSpec<typeof auditQuerySchema, AuditQuery>;
