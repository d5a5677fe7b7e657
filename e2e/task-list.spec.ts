import { test, expect, storageStateOf } from "./fixtures";

test.use({ storageState: storageStateOf("operator") });

test("an unauthenticated visitor is sent to sign-in and back", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/change-tracking?region=cn-shanghai");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Username").fill("operator");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("incorrect");
  await page.getByLabel("Password").fill("DtsDemo#2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/region=cn-shanghai/);
  await expect(page.getByText("China (Shanghai) · cn-shanghai")).toBeVisible();
  await context.close();
});

test("the region selector lists every region by area with task counts and remembers the choice", async ({ page }) => {
  await page.goto("/change-tracking");
  await page.getByRole("button", { name: /^Region:/ }).click();
  const menu = page.getByRole("menu");
  for (const area of ["China", "Asia Pacific", "Europe & Americas", "Middle East"]) {
    await expect(menu.getByText(area, { exact: true })).toBeVisible();
  }
  await expect(menu.getByRole("menuitemradio")).toHaveCount(25);
  await expect(menu.getByRole("menuitemradio", { name: /China \(Hangzhou\)/ })).toContainText("28");
  await menu.getByRole("menuitemradio", { name: /Germany \(Frankfurt\)/ }).click();
  await expect(page).toHaveURL(/region=eu-central-1/);
  await expect(page.getByText("Germany (Frankfurt) · eu-central-1")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(4); // header + 3 tasks

  // The cookie remembers it: the bare list opens in Frankfurt.
  await page.goto("/change-tracking");
  await expect(page.getByText("Germany (Frankfurt) · eu-central-1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Region: Germany (Frankfurt)" })).toBeVisible();
});

test("a region without tasks shows an empty state; an unknown region falls back", async ({ page, context, baseURL }) => {
  await page.goto("/change-tracking?region=cn-qingdao");
  await expect(page.getByText("No change tracking tasks in China (Qingdao)")).toBeVisible();
  // An unknown region in the URL: the remembered region is shown, and the page says so.
  await page.goto("/change-tracking?region=mars-north-1");
  await expect(page.getByText("China (Qingdao) · cn-qingdao")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "unknown" })).toContainText("mars-north-1");
  // An unknown remembered region: the first region.
  await context.addCookies([{ name: "dts_region", value: "atlantis-1", url: baseURL! }]);
  await page.goto("/change-tracking");
  await expect(page.getByText("China (Hangzhou) · cn-hangzhou")).toBeVisible();
});

test("search, filter, sort and pagination live in the URL and a deep link reproduces the view", async ({ page }) => {
  await page.goto("/change-tracking?region=cn-hangzhou");
  await expect(page.getByText("1–10 of 28 tasks")).toBeVisible();

  await page.getByLabel("Status").selectOption("Normal");
  await expect(page).toHaveURL(/status=Normal/);
  const normalCount = await page.getByText(/of \d+ tasks/).textContent();
  const total = Number(/of (\d+) tasks/.exec(normalCount ?? "")?.[1]);
  expect(total).toBeGreaterThan(10);
  for (const badge of await page.getByRole("table").getByRole("row").all()) {
    if (await badge.getByRole("columnheader").count()) continue;
    await expect(badge.getByRole("cell").nth(1)).toHaveText("Normal");
  }

  await page.getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByLabel("Rows per page").selectOption("20");
  await expect(page).toHaveURL(/pageSize=20/);
  await expect(page).not.toHaveURL(/page=2/);

  // A copied deep link: searched, filtered, sorted, paged.
  await page.goto("/change-tracking?region=cn-hangzhou&q=HANGZHOU&sort=created_asc&pageSize=10&page=2");
  await expect(page.getByLabel("Search by instance ID or name")).toHaveValue("HANGZHOU");
  await expect(page.getByText("11–20 of 23 tasks")).toBeVisible();
  await expect(page.getByLabel("Sort")).toHaveValue("created_asc");
  await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("hangzhou");
  // Oldest first: the created times rise down the page.
  const created = await rows.locator("td:nth-child(7)").allTextContents();
  expect([...created].sort()).toEqual(created);

  await page.goto("/change-tracking?region=cn-hangzhou&status=Abnormal&pageSize=50");
  await expect(page.getByLabel("Status")).toHaveValue("Abnormal");
  const statuses = await page.getByRole("table").locator("tbody td:nth-child(2)").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Abnormal"]));

  // Search by id, case-insensitive, then clear.
  await page.goto("/change-tracking?region=cn-hangzhou");
  await page.getByLabel("Search by instance ID or name").fill("DTSF20KX8");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=DTSF20KX8/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "dtsf20kx8wm3bd" }).first()).toBeVisible();
  await page.getByLabel("Search by instance ID or name").fill("no-such-task-anywhere");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No tasks match")).toBeVisible();
});

test("bad query values fall back to defaults instead of failing", async ({ page }) => {
  const response = await page.goto("/change-tracking?region=cn-hangzhou&page=-3&pageSize=7&status=Bogus&sort=%27;drop");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("1–10 of 28 tasks")).toBeVisible();
});

test("sign out ends the session", async ({ browser }) => {
  // Its own sign-in, so signing out does not end the session the other tests share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill("viewer");
  await page.getByLabel("Password").fill("DtsDemo#2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await page.getByRole("button", { name: /^viewer/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/change-tracking");
  await expect(page).toHaveURL(/\/login/);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeUndefined();
  await context.close();
});

test("the session cookie is HttpOnly and SameSite", async ({ context }) => {
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
