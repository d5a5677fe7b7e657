// The production build on a fresh, freshly seeded database, for the end-to-end suite.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["server.mjs"], {
  stdio: "inherit",
  env: { ...process.env, PORT: process.env.PORT ?? "3100", HOSTNAME: "127.0.0.1", DTS_DATA_DIR: dataDir, DATABASE_URL: "", DEMO_PASSWORD: "" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
