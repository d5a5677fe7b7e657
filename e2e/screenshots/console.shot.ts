import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, storageStateOf, visit, addHistory, SEED } from "../fixtures";
import { ConsumePage } from "../pages/consume-page";

// `npm run screenshots`, never `npm test`: the README's pictures of the task list, the details
// drawer with its trend charts, the Audit Log and the phone layout.
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

async function settle(page: Page) {
  // Toasts and tooltips gone, fonts in.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the task list", async ({ page }) => {
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await expect(page.getByText("1–10 of 28 tasks")).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("task-list.png") });
  });

  test("the details drawer with the last hour's trend", async ({ page, request, db, createInstance }) => {
    const instance = await createInstance({
      name: "orders-realtime",
      groups: [
        { name: "search-indexer", account: "search" },
        { name: "bi-dashboard", account: "bi_reader" },
        { name: "fraud-alerts", account: "risk" },
      ],
    });
    const [indexer, bi] = instance.groups;
    // An hour of catching up and a spike, as a consumer's heartbeats would have left it.
    const wave = (i: number) => Math.round(40 * Math.exp(-i / 90) + 6 * Math.max(0, Math.sin(i / 25)) + (i % 7) * 0.4);
    await addHistory(
      db,
      indexer.id,
      Array.from({ length: 355 }, (_, i) => ({ secondsAgo: 3550 - i * 10, delay: wave(i), unconsumed: wave(i) * 130 + 40 })),
    );
    await addHistory(
      db,
      bi.id,
      Array.from({ length: 120 }, (_, i) => ({ secondsAgo: 3500 - i * 30, delay: 2 + (i % 5), unconsumed: 200 + (i % 9) * 25 })),
    );
    for (const g of [indexer, bi]) {
      const { leaseToken } = (await (
        await request.post("/api/consumer/connect", { data: { user: g.user, password: g.password } })
      ).json()) as { leaseToken: string };
      await request.post("/api/consumer/heartbeat", {
        data: { groupId: g.id, leaseToken, checkpoint: new Date(Date.now() - 3000).toISOString(), unconsumed: 412 },
      });
    }
    const consume = await new ConsumePage(page).open(instance.id);
    await expect(consume.state(indexer.name)).toHaveText("Connected");
    await settle(page);
    await page.screenshot({ path: docs("data-consume-live.png") });
    const drawer = await consume.openDetails(indexer.name);
    await expect(drawer.delayChart.locator("canvas")).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("consumer-group-details.png") });
  });

  test("the audit log", async ({ page }) => {
    await visit(page, "/audit");
    await settle(page);
    await page.screenshot({ path: docs("audit-log.png") });
  });
});

test.describe("phone", () => {
  test.use({ storageState: storageStateOf("operator"), viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  test("Data Consume on a phone", async ({ page }) => {
    await new ConsumePage(page).open(SEED.normal);
    await settle(page);
    await page.screenshot({ path: docs("phone-data-consume.png") });
  });
});
