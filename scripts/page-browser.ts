import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/chromium";

export interface BrowserTimes {
  /** navigation to Data Consume until its consumer group table shows its first row, empty cache */
  consumeColdMs: number;
  /** the same with the browser's cache warm (a second visit) */
  consumeWarmMs: number;
  /** navigation until every row is drawn (the server draws the first 6: FIRST_PAINT_ROWS), cold and warm */
  consumeAllRowsMs: { cold: number; warm: number };
  /** a click on a task's "Data Consume" link in the task list until that page's table is visible */
  clickToConsumeMs: number;
  /** what one view asks of the server beyond static files (the page, its JSON, any prefetch) */
  serverRequestsPerView: { taskList: number; dataConsume: number };
}

/**
 * What a person waits for in a real browser (Debian's Chromium): the median of `runs` tries each.
 * `cookie` is the session's `name=value`; the click is on the first task of `region`'s list.
 */
export async function measureBrowser(base: string, cookie: string, instanceId: string, region: string, runs = 5): Promise<BrowserTimes> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const [name, ...rest] = cookie.split("=");
  const url = new URL(base);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cold: number[] = [];
  const warm: number[] = [];
  const allRows = { cold: [] as number[], warm: [] as number[] };
  const click: number[] = [];
  let serverRequestsPerView = { taskList: 0, dataConsume: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name, value: rest.join("="), domain: url.hostname, path: "/" }]);
      const page = await context.newPage();
      // The table with its first group's ID in it: what a person waits for, however the rows arrive.
      const table = page.getByRole("region", { name: "Consumer groups table" }).getByRole("table").getByTestId("group-id").first();
      const held = page.locator(".cg-placeholder").first();
      for (const [times, all] of [
        [cold, allRows.cold],
        [warm, allRows.warm],
      ]) {
        const started = performance.now();
        await page.goto(`${base}/change-tracking/${instanceId}/consume`, { waitUntil: "commit" });
        await table.waitFor({ state: "visible" });
        times.push(performance.now() - started);
        await held.waitFor({ state: "detached" });
        all.push(performance.now() - started);
      }
      await page.goto(`${base}/change-tracking?region=${region}`);
      const link = page.getByRole("link", { name: /^Data Consume of / }).first();
      await link.waitFor({ state: "visible" });
      const started = performance.now();
      await link.click();
      await table.waitFor({ state: "visible" });
      click.push(performance.now() - started);
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name, value: rest.join("="), domain: url.hostname, path: "/" }]);
    const page = await context.newPage();
    let requests = 0;
    page.on("request", (request) => {
      if (request.url().startsWith(base) && !new URL(request.url()).pathname.startsWith("/_next/static/")) requests++;
    });
    const view = async (path: string) => {
      requests = 0;
      await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
      return requests;
    };
    serverRequestsPerView = {
      taskList: await view(`/change-tracking?region=${region}`),
      dataConsume: await view(`/change-tracking/${instanceId}/consume`),
    };
    await context.close();
  } finally {
    await browser.close();
  }
  const round = (n: number) => Math.round(n);
  return {
    consumeColdMs: round(median(cold)),
    consumeWarmMs: round(median(warm)),
    consumeAllRowsMs: { cold: round(median(allRows.cold)), warm: round(median(allRows.warm)) },
    clickToConsumeMs: round(median(click)),
    serverRequestsPerView,
  };
}
