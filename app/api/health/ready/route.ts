import { readiness } from "@/lib/db/readiness";

/**
 * GET /api/health/ready, for load balancers: 200 when the database answers and every migration is
 * applied, else 503 with the reason ("database" or "migrations"). Public, never cached; it names no
 * host, error or version. docs/rules.md "Health".
 */
export async function GET() {
  const state = await readiness();
  return Response.json(state.ready ? { status: "ready" } : { status: "unavailable", reason: state.reason }, {
    status: state.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
