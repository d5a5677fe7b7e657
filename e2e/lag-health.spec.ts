import { test, expect, storageStateOf, addHistory, addLiveConsumer, TEST_REGION, visit } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// Lag health on Data Consume (docs/rules.md "Lag health"): Stalled beside Connected and Idle, the
// backlog's trend with the time to catch up, and the state and delay filters kept in the URL.

test.use({ storageState: storageStateOf("viewer") });

test("shows Stalled and the trend, and filters by state and delay", async ({ page, db, createInstance }) => {
  const instance = await createInstance({ groups: [{ name: "stuck" }, { name: "draining" }, { name: "resting" }] });
  const [stuck, draining, resting] = instance.groups;
  const now = Date.now();
  // stuck: a consumer connected ten minutes ago with a backlog, its checkpoint never moved since.
  await addLiveConsumer(db, stuck.id, { delay: 900, unconsumed: 50 }, 600_000);
  // draining: its checkpoint moving, the backlog down 10 records a second over the last minutes.
  await addLiveConsumer(db, draining.id, { delay: 5, unconsumed: 3_000, checkpointAt: new Date(now - 5_000) }, 300_000);
  await addHistory(
    db,
    draining.id,
    Array.from({ length: 25 }, (_, i) => ({ secondsAgo: 240 - i * 10, delay: 5, unconsumed: 5_400 - i * 100 })),
    now,
  );

  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.state(stuck.name)).toHaveText("Stalled");
  await expect(consume.state(draining.name)).toHaveText("Connected");
  await expect(consume.state(resting.name)).toHaveText("Idle");
  await expect(consume.row(draining.name).getByTestId("lag-trend")).toHaveAttribute("data-trend", "draining");
  await expect(consume.row(draining.name).getByTestId("lag-trend")).toContainText(/Draining · catches up in \d+ min/);
  await expect(consume.row(resting.name).getByTestId("lag-trend")).toHaveCount(0);

  await page.getByLabel("State filter").selectOption("stalled");
  await expect(page).toHaveURL(/[?&]state=stalled/);
  await expect(consume.row(stuck.name)).toBeVisible();
  await expect(consume.row(draining.name)).toHaveCount(0);

  await page.getByLabel("State filter").selectOption("");
  const delay = page.getByLabel("Delay over (s)");
  await delay.fill("6x");
  await expect(delay).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter whole seconds from 0 to 2,592,000.")).toBeVisible();
  await delay.fill("60");
  await expect(page).toHaveURL(/[?&]delayOver=60/);
  await expect(consume.row(stuck.name)).toBeVisible();
  await expect(consume.row(draining.name)).toHaveCount(0);
  await expect(consume.row(resting.name)).toHaveCount(0);

  // A link carries the filters; an empty result offers to clear them.
  await consume.open(instance.id, "?state=idle&delayOver=1");
  await expect(page.getByRole("button", { name: "Clear search and filters" })).toBeVisible();
  await page.getByRole("button", { name: "Clear search and filters" }).click();
  await expect(consume.row(resting.name)).toBeVisible();
  await expect(page.getByLabel("State filter")).toHaveValue("");
  await expect(page).not.toHaveURL(/state=|delayOver=/);
});

test("the Lagging Consumer Groups page lists the region's stalled and delayed groups, worst first", async ({
  page,
  db,
  createInstance,
}) => {
  const instance = await createInstance({
    regionId: TEST_REGION.id,
    groups: [{ name: "behind" }, { name: "stuck" }, { name: "keeping-up" }],
  });
  const [behind, stuck, keepingUp] = instance.groups;
  for (const [group, connectedAgo, delay] of [
    [behind, 60_000, 300],
    [stuck, 900_000, 20],
    [keepingUp, 60_000, 2],
  ] as const) {
    await addLiveConsumer(db, group.id, { delay, unconsumed: 40 }, connectedAgo);
  }

  await visit(page, `/change-tracking?region=${TEST_REGION.id}`);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Lagging Consumer Groups" }).click();
  // The region the task list showed (the region cookie) is the page's.
  await expect(page).toHaveURL(/\/lagging$/);
  await expect(page.getByRole("heading", { name: "Lagging Consumer Groups" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(TEST_REGION.id);
  const rows = page.getByTestId("lagging-row");
  const mine = rows.filter({ hasText: instance.id });
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0)).toContainText(stuck.id);
  await expect(mine.nth(0).getByTestId("lagging-state")).toHaveText("Stalled");
  await expect(mine.nth(1)).toContainText(behind.id);
  await expect(mine.nth(1).getByTestId("lagging-delay")).toHaveText("5 min");

  // A higher threshold, by the form: in the URL; the stalled group stays.
  await page.getByLabel("Delay over (s)").fill("600");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]over=600/);
  await expect(mine).toHaveCount(1);
  await expect(mine.nth(0)).toContainText(stuck.id);

  // The group's link opens its details on Data Consume.
  await mine.nth(0).getByRole("link", { name: stuck.id }).click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${instance.id}/consume\\?group=${stuck.id}`));
  await expect(page.getByRole("dialog")).toBeVisible();
});
