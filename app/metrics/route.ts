import { renderMetrics } from "@/lib/metrics/registry";
import { authorizeScrape } from "@/lib/metrics/token";
import { describeForLog, isDatabaseUnavailable } from "@/lib/db/errors";

const PLAIN = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

/**
 * GET /metrics for Prometheus (docs/rules.md "Metrics"): only with `Authorization: Bearer
 * $METRICS_TOKEN`; 404 while no token is configured, 401 without the right one, 503 while the
 * database cannot be read. Never cached.
 */
export async function GET(request: Request) {
  const auth = authorizeScrape(request.headers.get("authorization"));
  if (!auth.ok) {
    return auth.status === 404
      ? new Response("Not Found\n", { status: 404, headers: PLAIN })
      : new Response("Unauthorized\n", { status: 401, headers: { ...PLAIN, "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  try {
    const { contentType, body } = await renderMetrics(auth.grant);
    return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) console.error(`[metrics] scrape failed: ${describeForLog(error)}`);
    return new Response("Service Unavailable\n", { status: 503, headers: PLAIN });
  }
}
