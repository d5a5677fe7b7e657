// `npm run screenshots`: the pictures in docs/ (tracked files), from the same server and sign-in as
// the end-to-end suite. Not part of `npm test`, whose specs never write tracked files.
import { fileURLToPath } from "node:url";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import base from "../playwright.config";

type WebServer = Exclude<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>;

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  ...base,
  testDir: here,
  outputDir: fileURLToPath(new URL("../test-results/screenshots", import.meta.url)),
  reporter: [["list"]],
  projects: [base.projects![0], { ...base.projects![1], name: "screenshots", testMatch: /screenshots\/.*\.shot\.ts$/ }],
  webServer: { ...(base.webServer as WebServer), cwd: fileURLToPath(new URL("..", import.meta.url)) },
});
