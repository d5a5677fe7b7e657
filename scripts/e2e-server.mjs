// The production build on a fresh, freshly seeded database, for the end-to-end suite.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const dataDir = path.resolve(".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });
const require = createRequire(import.meta.url);
const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-p", process.env.PORT ?? "3100", "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, DTS_DATA_DIR: dataDir, DATABASE_URL: "", DEMO_PASSWORD: "" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
