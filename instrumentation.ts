// Opens the database (migrations, first-start seed) as the server starts, so the first visitor
// does not wait for it. Never during `next build`: the data folder belongs to the running server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getConnection } = await import("./lib/db");
  getConnection().catch((error: unknown) => {
    console.error(`database not ready yet: ${(error as Error).message}; it is retried on the next request`);
  });
}
