import "server-only";
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
  // Nothing changes: the runner's transaction holds the export's record alone.
  change: (_tx, input) => Promise.resolve({ ok: true as const, data: input }),
  audit: () => ({}),
} satisfies ActionSpec<typeof auditQuerySchema, AuditQuery>;
