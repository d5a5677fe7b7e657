// The framework's floor for `npm run bench` (README "Benchmark"): a route handler that returns a
// constant, so every page's figures can be read beside what this server costs before it does any
// work of its own. It holds and reads no data. Like every route that is not public it sits behind
// the proxy's session check (lib/security/routes.ts), which the bench's signed-in requests pass,
// so the floor includes the per-request work of the proxy that every page pays too.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
