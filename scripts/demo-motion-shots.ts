// `npx tsx scripts/demo-motion-shots.ts`: what a demo's audience sees on a fresh `npm start` (an
// empty embedded database, the simulation on by default): the Data Consume page of the seeded
// Normal instance and one group's trend drawer, a minute apart. Writes docs/demo-motion-*.png for
// the README and prints each simulated group's checkpoint, delay and unconsumed data both times.
// Needs the production build (.next) and Debian's Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, SEED_IDS } from "../lib/demo";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/chromium";
import { startConsole } from "../test/helpers/console-http";

const dataDir = mkdtempSync(path.join(tmpdir(), "dts-demo-motion-"));
const server = await startConsole(
  { DTS_DATA_DIR: dataDir, DEMO_SIMULATION: "1", NEXTAUTH_SECRET: "demo-motion-shots-0123456789abcdef" },
  {
    timeoutMs: 120_000,
  },
);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, baseURL: server.url });
  await page.goto("/login");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(DEFAULT_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Change Tracking Tasks" }).waitFor();
  const started = Date.now();

  const shot = async (label: string) => {
    await page.goto(`/change-tracking/${SEED_IDS.normal}/consume`);
    await page.locator("html[data-hydrated=true]").waitFor();
    await page.waitForTimeout(1500);
    const rows = await rowsOf(page);
    console.log(`${label} (${Math.round((Date.now() - started) / 1000)} s after sign-in):`);
    for (const r of rows) console.log(`  ${r}`);
    await page.screenshot({ path: `docs/demo-motion-${label}.png` });
  };
  await page.waitForTimeout(15_000);
  await shot("first");
  await page.waitForTimeout(60_000);
  await shot("minute-later");
  const connected = page.getByTestId("group-state").filter({ hasText: "Connected" }).first();
  const row = page.getByRole("row").filter({ has: connected });
  await row
    .first()
    .getByRole("button", { name: /^Details of / })
    .click();
  await page.getByTestId("trend-message-delay").locator("canvas").waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: "docs/demo-motion-drawer.png" });
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function rowsOf(page: Page): Promise<string[]> {
  return page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
}
