// Opens the database (migrations, first-start seed) as the server starts, so the first visitor
// does not wait for it, and starts the alert worker and the demo's simulated consumers. Never during `next build`: the
// data folder belongs to the running server.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getConnection } = await import("./lib/db");
  const { simulationEnabled, startSimulator } = await import("./lib/consumer/simulator");
  const { SEED_GROUP_PASSWORD, SEED_IDS } = await import("./lib/demo");
  const { alertWorkerEnabled, startAlertWorker } = await import("./lib/alerts/worker");
  if (alertWorkerEnabled()) {
    const alerts = startAlertWorker(async () => (await getConnection()).prisma);
    process.once("SIGTERM", () => void alerts.stop());
    process.once("SIGINT", () => void alerts.stop());
  }
  try {
    const connection = await getConnection();
    if (!simulationEnabled()) return;
    const port = process.env.PORT ?? "3000";
    const simulator = await startSimulator({
      db: connection.prisma,
      baseUrl: `http://127.0.0.1:${port}`,
      password: SEED_GROUP_PASSWORD,
      preferInstanceIds: [SEED_IDS.normal, SEED_IDS.nineteen, SEED_IDS.full],
    });
    console.log(`demo simulation: ${simulator.consumers} simulated consumers (DEMO_SIMULATION=0 turns it off)`);
    process.once("SIGTERM", () => void simulator.stop());
    process.once("SIGINT", () => void simulator.stop());
  } catch (error) {
    console.error(`database not ready yet: ${(error as Error).message}; it is retried on the next request`);
  }
}
