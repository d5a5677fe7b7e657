import { requireUser } from "@/lib/auth/session";

/**
 * A page's floor for `npm run bench` (README "Benchmark"), beside the framework's route floor
 * (app/api/bench/floor): the root layout and this page's own session check, and nothing else on
 * it. What it costs is what Next.js charges for rendering any page of this console per request.
 */
export default async function BenchBlankPage() {
  await requireUser();
  return null;
}
