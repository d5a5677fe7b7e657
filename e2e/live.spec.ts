import { encryptSecret } from "../lib/auth/access-key-crypto";
import { hashPassword } from "../lib/auth/password";
import { newAccessKeyId, newAccessKeySecret } from "../lib/ids";
import { test, expect, storageStateOf, visit, reload, addHistory, signIn, ANONYMOUS, DEMO_PASSWORD } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";
import { readServerState } from "./server-state";

// Live operations on Data Consume: state from the lease, search and sort in the URL, the details
// drawer with its trend charts, sparklines, refresh and auto-refresh, stale rows, the time zone.

test.use({ storageState: storageStateOf("operator") });

test("state comes from the lease; the details drawer shows the live consumer and the trend of the last hour", async ({
  page,
  request,
  db,
  createInstance,
}) => {
  const instance = await createInstance({
    groups: [
      { name: "alpha-live", account: "alpha" },
      { name: "beta-idle", account: "beta" },
    ],
  });
  const [alpha, beta] = instance.groups;
  // An hour of history for alpha: a sample every minute, the delay climbing.
  await addHistory(
    db,
    alpha.id,
    Array.from({ length: 50 }, (_, i) => ({ secondsAgo: 3000 - i * 60, delay: i, unconsumed: 1000 + i * 10 })),
  );
  const connect = await request.post("/api/consumer/connect", { data: { user: alpha.user, password: alpha.password } });
  expect(connect.status()).toBe(200);
  const { leaseToken } = (await connect.json()) as { leaseToken: string };
  expect(
    (
      await request.post("/api/consumer/heartbeat", {
        data: { groupId: alpha.id, leaseToken, checkpoint: new Date(Date.now() - 4000).toISOString(), unconsumed: 777 },
      })
    ).status(),
  ).toBe(200);

  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.state(alpha.name)).toHaveText("Connected");
  await expect(consume.state(beta.name)).toHaveText("Idle");
  await expect(consume.unconsumedData(alpha.name)).toHaveText("777");
  // The sparklines: alpha has points, beta none.
  await expect(consume.row(alpha.name).getByTestId("delay-sparkline")).not.toHaveAttribute("data-points", "0");
  await expect(consume.row(beta.name).getByTestId("delay-sparkline")).toHaveAttribute("data-points", "0");

  const drawer = await consume.openDetails(alpha.name);
  await expect(page).toHaveURL(new RegExp(`group=${alpha.id}`));
  await expect(drawer.saslUser).toContainText(`alpha-${alpha.id}`);
  await expect(drawer.saslUser.getByRole("button", { name: "Copy SASL user" })).toBeVisible();
  await expect(drawer.state).toContainText("Connected");
  await expect(drawer.client).toHaveText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  await expect(drawer.root).toContainText("Connected since");
  await expect(drawer.root).toContainText("Lease expires");
  await expect(drawer.root.getByTestId("details-unconsumed")).toHaveText("777");
  // The charts are drawn from the heartbeat history: the seeded 50 plus the heartbeat just sent.
  await expect(drawer.delayChart).toHaveAttribute("data-samples", /^5[01]$/);
  await expect(drawer.delayChart.locator("canvas")).toBeVisible();
  await expect(drawer.unconsumedChart.locator("canvas")).toBeVisible();
  await expect(drawer.root).toContainText(/highest 49 s/);

  // The open drawer is part of the URL: a reload opens it again. Esc closes it and focus returns.
  await reload(page);
  await expect(drawer.root).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer.root).toBeHidden();
  await expect(page).not.toHaveURL(/group=/);

  const idle = await consume.openDetails(beta.name);
  await expect(idle.state).toContainText("Idle");
  await expect(idle.client).toHaveText("—");
  await expect(idle.root).toContainText("no samples in the last hour");
  await page.keyboard.press("Escape");
  await expect(consume.row(beta.name).getByRole("button", { name: `Details of ${beta.name}` })).toBeFocused();
  await request.post("/api/consumer/disconnect", { data: { groupId: alpha.id, leaseToken } });
});

test("heartbeats write at most one history sample per group per 10 seconds", async ({ request, db, createInstance }) => {
  const instance = await createInstance({ groups: 1 });
  const group = instance.groups[0];
  const { leaseToken } = (await (
    await request.post("/api/consumer/connect", { data: { user: group.user, password: group.password } })
  ).json()) as { leaseToken: string };
  // Wait for the start of a 10-second slot so the three heartbeats share it.
  const wait = 10_000 - (Date.now() % 10_000);
  if (wait < 8_000) await new Promise((r) => setTimeout(r, wait + 50));
  for (let i = 0; i < 3; i++) {
    expect(
      (
        await request.post("/api/consumer/heartbeat", {
          data: { groupId: group.id, leaseToken, checkpoint: new Date().toISOString(), unconsumed: i },
        })
      ).status(),
    ).toBe(200);
  }
  const samples = await db.heartbeatSample.findMany({ where: { groupId: group.id } });
  expect(samples).toHaveLength(1);
  expect(samples[0].at.getTime() % 10_000).toBe(0);
  expect(samples[0].unconsumedRecords).toBe(0);
});

test("search by name, id or account and sort by column live in the URL", async ({ page, createInstance }) => {
  const instance = await createInstance({
    groups: [
      { name: "orders-search", account: "zeta_reader" },
      { name: "billing-sync", account: "alpha_reader" },
      { name: "audit-stream", account: "mid_reader" },
    ],
  });
  const [orders, billing] = instance.groups;
  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.row(orders.name)).toBeVisible();

  await consume.search.fill("ALPHA_READ");
  await expect(page).toHaveURL(/q=ALPHA_READ/);
  await expect(consume.row(billing.name)).toBeVisible();
  await expect(consume.row(orders.name)).toHaveCount(0);
  await consume.search.fill(orders.id);
  await expect(consume.row(orders.name)).toBeVisible();
  await expect(consume.table.locator("tbody tr")).toHaveCount(1);
  await consume.search.fill("no-such-group");
  await expect(page.getByText("No consumer groups match")).toBeVisible();
  await consume.search.fill("");
  await expect(page).not.toHaveURL(/q=/);

  const nameHeader = consume.table.getByRole("columnheader", { name: /Consumer Group ID\/Name/ });
  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name_asc/);
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  expect(await consume.names()).toEqual(["audit-stream", "billing-sync", "orders-search"]);
  await nameHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=name_desc/);
  expect(await consume.names()).toEqual(["orders-search", "billing-sync", "audit-stream"]);

  // A copied link reproduces the view.
  await consume.open(instance.id, "?q=reader&sort=name_asc");
  await expect(consume.search).toHaveValue("reader");
  expect(await consume.names()).toEqual(["audit-stream", "billing-sync", "orders-search"]);
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
});

test("refresh by hand, auto-refresh off, 5 s or 30 s, and rows marked stale while a refresh fails", async ({
  page,
  createInstance,
  createGroup,
}) => {
  const instance = await createInstance({ groups: 1 });
  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.autoRefresh).toHaveValue("5000");
  await expect(consume.autoRefresh.locator("option")).toHaveText(["Off", "5 s", "30 s"]);
  await consume.autoRefresh.selectOption("0");
  const late = await createGroup(instance.id);
  // Off: nothing comes by itself…
  await page.waitForTimeout(6_500);
  await expect(consume.row(late.name)).toHaveCount(0);
  // …until Refresh.
  await consume.refresh.click();
  await expect(consume.row(late.name)).toBeVisible();
  await expect(consume.refreshStatus).toContainText(/Updated \d\d:\d\d:\d\d UTC/);

  // The server stops answering: the rows stay, marked stale, and the status says so.
  await page.route(`**/api/instances/${instance.id}/consumer-groups`, (route) => route.fulfill({ status: 503, body: "{}" }));
  await consume.refresh.click();
  await expect(consume.refreshStatus).toContainText("Refresh failed", { timeout: 15_000 });
  await expect(consume.table).toHaveAttribute("data-stale", "true");
  await expect(consume.state(late.name)).toContainText("Stale");
  await page.unroute(`**/api/instances/${instance.id}/consumer-groups`);
  await consume.autoRefresh.selectOption("5000");
  await expect(consume.table).not.toHaveAttribute("data-stale", "true", { timeout: 15_000 });
  await expect(consume.state(late.name)).toHaveText("Idle");
});

test("the task list refreshes by hand and on a timer, and marks its rows stale when the server is gone", async ({
  page,
  createInstance,
}) => {
  const instance = await createInstance();
  await visit(page, `/change-tracking?region=${instance.regionId}&q=${instance.id}`);
  const row = page.getByTestId("task-row").filter({ hasText: instance.id });
  await expect(row.getByTestId("task-status")).toHaveText("Normal");
  await expect(page.getByLabel("Auto-refresh")).toHaveValue("0");
  await page.route("**/api/session", (route) => route.fulfill({ status: 503, body: "{}" }));
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await expect(page.getByTestId("refresh-status")).toContainText("Refresh failed");
  await expect(row.getByTestId("task-stale")).toBeVisible();
  await page.unroute("**/api/session");
  await page.getByLabel("Auto-refresh").selectOption("5000");
  await expect(row.getByTestId("task-stale")).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId("refresh-status")).toContainText(/Updated \d\d:\d\d:\d\d UTC/);
});

test.describe("time zone", () => {
  test("the browser's zone by default, UTC one click away, remembered per user, named on every time column", async ({
    newContext,
    db,
    unique,
    createInstance,
  }) => {
    // A user of its own: the shared demo users' preference must not change under other tests.
    const username = unique("tz").replace(/[^a-z0-9-]/g, "");
    await db.user.create({ data: { id: `u-${username}`, username, passwordHash: await hashPassword(DEMO_PASSWORD), role: "viewer" } });
    // An AccessKey of its own, made at a known instant, for the AccessKeys page's time columns.
    const accessKeyId = newAccessKeyId();
    const secretKey = Buffer.from(readServerState().secretKey, "base64");
    await db.accessKey.create({
      data: {
        id: accessKeyId,
        userId: `u-${username}`,
        secretCiphertext: encryptSecret(newAccessKeySecret(), accessKeyId, secretKey),
        createdAt: new Date("2026-01-02T18:30:05Z"),
      },
    });
    try {
      const instance = await createInstance({ groups: 1 });
      const context = await newContext({ storageState: ANONYMOUS, timezoneId: "Asia/Shanghai" });
      const page = await context.newPage();
      await signIn(page, username);
      await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
      // No zone chosen: the browser's, on client-rendered and server-rendered pages alike.
      expect((await db.user.findUnique({ where: { username }, select: { timeZone: true } }))?.timeZone).toBeNull();
      const consume = await new ConsumePage(page).open(instance.id);
      const header = consume.table.getByRole("columnheader", { name: /^Created \(/ });
      await expect(header).toHaveText(/Created \(UTC\+08:00\)/);
      await expect(consume.refreshStatus).toContainText("UTC+08:00");
      await visit(page, `/change-tracking?region=${instance.regionId}`);
      await expect(page.getByRole("columnheader", { name: /Created \(UTC\+08:00\)/ })).toBeVisible();
      await visit(page, `/change-tracking/${instance.id}`);
      await expect(page.getByText("Created At (UTC+08:00)")).toBeVisible();
      await visit(page, "/access-keys");
      await expect(page.getByRole("columnheader", { name: "Created At (UTC+08:00)" })).toBeVisible();
      await expect(page.getByRole("columnheader", { name: "Last Used (UTC+08:00)" })).toBeVisible();
      await expect(page.getByTestId(`access-key-${accessKeyId}`)).toContainText("2026-01-03 02:30:05");
      // What the server makes of the reported zone, without a browser to correct it: a zone it knows
      // is used, one it does not know is UTC (never an error).
      const instancePage = new URL(`/change-tracking/${instance.id}`, page.url()).href;
      for (const [reported, label] of [
        ["Asia/Kolkata", "UTC+05:30"],
        ["Mars/Olympus_Mons", "UTC"],
        ["'; DROP TABLE x", "UTC"],
      ]) {
        await context.addCookies([{ name: "dts_tz", value: encodeURIComponent(reported), url: new URL("/", page.url()).href }]);
        const res = await context.request.get(instancePage);
        expect(res.status()).toBe(200);
        expect(await res.text()).toContain(`Created At (${label})`);
      }
      // UTC one click away, and remembered on the server.
      await consume.open(instance.id);
      const menu = page.getByRole("banner").getByRole("button", { name: `${username} Viewer` });
      await menu.click();
      await page.getByRole("menuitemradio", { name: "UTC", exact: true }).click();
      await expect(header).toHaveText(/Created \(UTC\)/);
      await expect(page.getByText(/Times are shown in UTC/)).toBeVisible();
      await reload(page);
      await expect(header).toHaveText(/Created \(UTC\)/);
      await visit(page, `/change-tracking/${instance.id}`);
      await expect(page.getByText("Created At (UTC)")).toBeVisible();
      expect((await db.user.findUnique({ where: { username }, select: { timeZone: true } }))?.timeZone).toBe("UTC");
      // And local time again, by choice: the browser's zone, saved.
      await menu.click();
      await page.getByRole("menuitemradio", { name: /Local time \(Asia\/Shanghai, UTC\+08:00\)/ }).click();
      await expect(page.getByText("Created At (UTC+08:00)")).toBeVisible();
      expect((await db.user.findUnique({ where: { username }, select: { timeZone: true } }))?.timeZone).toBe("Asia/Shanghai");
      const audited = await db.auditLog.count({ where: { username, action: "changeTimeZone", result: "ok" } });
      expect(audited).toBe(2);
    } finally {
      await db.user.deleteMany({ where: { username } });
    }
  });
});
