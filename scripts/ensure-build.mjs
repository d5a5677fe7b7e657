// `npm start` on a fresh clone: build the console first when there is no production build yet.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build yet: running `next build` once (about a minute)…");
  const require = createRequire(import.meta.url);
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
}
