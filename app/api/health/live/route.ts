/**
 * GET /api/health/live, for load balancers and orchestrators: the process answers. Public (it says
 * nothing but that), never cached; docs/rules.md "Health".
 */
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
