import type { Db } from "../lib/db/connect";
import { test, expect, storageStateOf, addHistory, addLiveConsumer, visit } from "./fixtures";
import { expectNoAxeViolations } from "./axe";

// The Monitoring tab (docs/rules.md "Consumer history"): every group's delay and backlog on one
// chart each over 1 h to 7 days (the range in the URL), groups shown and hidden from the legend,
// the latency alert threshold drawn, and "Create alert rule" for operators, from the button or a
// click on the delay chart.

/** Two groups with a live consumer and history: the last 10 minutes, and minute averages 3 days back. */
async function seed(db: Db, groups: { id: string }[]) {
  const now = Date.now();
  for (const [i, g] of groups.entries()) {
    await addLiveConsumer(db, g.id, { delay: 40 + i * 200, unconsumed: 900 }, 600_000);
    await addHistory(
      db,
      g.id,
      Array.from({ length: 60 }, (_, k) => ({ secondsAgo: 600 - k * 10, delay: 30 + i * 200 + (k % 7), unconsumed: 800 + k })),
      now,
    );
    const day3 = Math.floor((now - 3 * 86_400_000) / 60_000) * 60_000;
    await db.heartbeatMinute.createMany({
      data: Array.from({ length: 30 }, (_, k) => ({
        groupId: g.id,
        at: new Date(day3 + k * 60_000),
        messageDelaySeconds: 5_000 + i,
        unconsumedRecords: 70_000,
      })),
    });
  }
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees every group on both charts, over the ranges in the URL, and hides one from the legend", async ({
    page,
    db,
    createInstance,
  }) => {
    const instance = await createInstance({ groups: [{ name: "orders-sync" }, { name: "search-indexer" }] });
    await seed(db, instance.groups);
    await visit(page, `/change-tracking/${instance.id}`);
    await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Monitoring" }).click();
    await expect(page).toHaveURL(new RegExp(`/change-tracking/${instance.id}/monitoring$`));
    const delay = page.getByTestId("monitor-delay");
    await expect(delay.locator("canvas")).toBeVisible();
    await expect(delay).toHaveAttribute("data-lines", "2");
    await expect(page.getByTestId("monitor-unconsumed")).toHaveAttribute("data-lines", "2");
    // The last hour: the highest delay is search-indexer's 236 s (230 + 6), named in words.
    await expect(page.getByTestId("monitor-delay-summary")).toHaveText(
      "Message delay of 2 consumer groups over 1 hour: highest 3 min 56 sec, search-indexer",
    );
    await expect(delay).toHaveAttribute("aria-label", /highest 3 min 56 sec, search-indexer/);
    await expect(page.getByRole("link", { name: "1 hour" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Create alert rule" })).toHaveCount(0);
    await expectNoAxeViolations(page, "monitoring");

    // Seven days reach the minute averages of three days ago.
    await page.getByRole("link", { name: "7 days" }).click();
    await expect(page).toHaveURL(/\?range=7d$/);
    await expect(page.getByTestId("monitor-delay-summary")).toHaveText(
      "Message delay of 2 consumer groups over 7 days: highest 1 hr 23 min, search-indexer",
    );
    await expect(page.getByTestId("monitor-unconsumed-summary")).toContainText("highest 70,000");

    // Hidden from the legend: gone from both charts and their summaries.
    const legend = page.getByRole("button", { name: "Show search-indexer on the charts" });
    await expect(legend).toHaveAttribute("aria-pressed", "true");
    await legend.click();
    await expect(legend).toHaveAttribute("aria-pressed", "false");
    await expect(delay).toHaveAttribute("data-lines", "1");
    await expect(page.getByTestId("monitor-delay-summary")).toHaveText(
      "Message delay of 1 consumer group over 7 days: highest 1 hr 23 min, orders-sync",
    );

    // A range the URL does not name is the last hour.
    await visit(page, `/change-tracking/${instance.id}/monitoring?range=30d`);
    await expect(page.getByRole("link", { name: "1 hour" })).toHaveAttribute("aria-current", "page");
  });

  test("an instance without groups says where to create one", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 0 });
    await visit(page, `/change-tracking/${instance.id}/monitoring`);
    await expect(page.getByText("No consumer groups")).toBeVisible();
  });
});

test.describe("in Chinese", () => {
  test.use({ storageState: storageStateOf("viewer"), locale: "zh-CN" });

  test("reads the tab and its charts", async ({ page, db, createInstance }) => {
    const instance = await createInstance({ groups: [{ name: "orders-sync" }, { name: "search-indexer" }] });
    await seed(db, instance.groups);
    await visit(page, `/change-tracking/${instance.id}/monitoring?range=6h`);
    await expect(page.getByRole("navigation", { name: "订阅实例" }).getByRole("link", { name: "监控" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByRole("link", { name: "6 小时" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("monitor-delay-summary")).toHaveText("6 小时内 2 个消费组的消息延迟：最高 3分钟 56秒，search-indexer");
    await expectNoAxeViolations(page, "monitoring in Chinese");
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateOf("operator") });

  test("creates an alert rule from the button, and from a click on the delay chart", async ({ page, db, createInstance }) => {
    const instance = await createInstance({ groups: [{ name: "orders-sync" }, { name: "search-indexer" }] });
    const [orders, search] = instance.groups;
    await seed(db, instance.groups);
    await db.instanceAlert.create({
      data: { instanceId: instance.id, delayAlert: true, delayOverSeconds: 600, errorAlert: false, updatedBy: "admin" },
    });
    await visit(page, `/change-tracking/${instance.id}/monitoring`);
    await expect(page.getByText("Latency alert at 10 min")).toBeVisible();

    await page.getByRole("button", { name: "Create alert rule" }).click();
    const dialog = page.getByRole("dialog", { name: "Create alert rule" });
    await dialog.getByLabel("Consumer group").selectOption({ label: "search-indexer" });
    const form = dialog.getByRole("form", { name: "Alert rule of search-indexer" });
    await form.getByLabel("Delay over (seconds)").fill("0");
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(form.getByLabel("Delay over (seconds)")).toHaveAccessibleDescription(/Enter whole seconds from 1 to 2,592,000/);
    await form.getByLabel("Delay over (seconds)").fill("300");
    await form.getByLabel("For at least (minutes)").fill("2");
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByText("Alert rule of search-indexer saved.")).toBeVisible();
    await expect(dialog).toBeHidden();
    const saved = await db.groupAlertRule.findUniqueOrThrow({ where: { groupId: search.id } });
    expect([saved.enabled, saved.delayOverSeconds, saved.delayForMinutes, saved.updatedBy]).toEqual([true, 300, 2, "operator"]);

    // A click low on the delay chart, near orders-sync's line: a rule for it at about that delay.
    const chart = page.getByTestId("monitor-delay").locator(".u-over");
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    await chart.hover({ position: { x: box.width - 4, y: box.height * 0.97 } });
    await chart.click({ position: { x: box.width - 4, y: box.height * 0.97 } });
    const picked = page.getByRole("dialog", { name: "Create alert rule" });
    await expect(picked.getByLabel("Consumer group")).toHaveValue(orders.id);
    const value = Number(await picked.getByLabel("Delay over (seconds)").inputValue());
    expect(value).toBeGreaterThanOrEqual(1);
    expect(value).toBeLessThan(120);
    await expectNoAxeViolations(page, "create alert rule from the chart");
    await picked.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByText("Alert rule of orders-sync saved.")).toBeVisible();
    expect((await db.groupAlertRule.findUniqueOrThrow({ where: { groupId: orders.id } })).delayOverSeconds).toBe(value);
  });
});
