import { requireUser } from "@/lib/auth/session";

/**
 * The console frame's floor for `npm run bench` (README "Benchmark"): the top bar, the region
 * selector and the navigation of every console page (the console layout, with its session, region
 * and time-zone reads), and an empty main area. Every console page costs at least this.
 */
export default async function BenchFramePage() {
  await requireUser();
  return null;
}
