import { test, expect, signIn, storageStateOf, userMenu, visit, waitForHydration, ANONYMOUS, DEMO_PASSWORD } from "./fixtures";

// The task list reads the seeded demo regions (Hangzhou, Shanghai, Frankfurt, Qingdao): the tests
// that create instances put them in TEST_REGION, so these counts hold in any order.

test.use({ storageState: storageStateOf("operator") });

test("an unauthenticated visitor is sent to sign-in and back", async ({ newContext }) => {
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await visit(page, "/change-tracking?region=cn-shanghai");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("Username").fill("operator");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("incorrect");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/region=cn-shanghai/);
  await expect(page.getByText("China (Shanghai) · cn-shanghai")).toBeVisible();
  await expect(userMenu(page, "operator")).toBeVisible();
});

test("the region selector lists every region by area with task counts and remembers the choice", async ({ page }) => {
  await visit(page, "/change-tracking");
  await page.getByRole("button", { name: /^Region:/ }).click();
  const menu = page.getByRole("menu");
  for (const area of ["China", "Asia Pacific", "Europe & Americas", "Middle East"]) {
    await expect(menu.getByText(area, { exact: true })).toBeVisible();
  }
  await expect(menu.getByRole("menuitemradio")).toHaveCount(25);
  await expect(menu.getByRole("menuitemradio", { name: /China \(Hangzhou\)/ }).getByLabel("28 tasks", { exact: true })).toBeVisible();
  await menu.getByRole("menuitemradio", { name: /Germany \(Frankfurt\)/ }).click();
  await expect(page).toHaveURL(/region=eu-central-1/);
  await expect(page.getByText("Germany (Frankfurt) · eu-central-1")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(4); // header + 3 tasks

  // The cookie remembers it: the bare list opens in Frankfurt.
  await visit(page, "/change-tracking");
  await expect(page.getByText("Germany (Frankfurt) · eu-central-1")).toBeVisible();
  await expect(page.getByRole("button", { name: "Region: Germany (Frankfurt)" })).toBeVisible();
});

test("a region without tasks shows an empty state; an unknown region falls back", async ({ page, context, baseURL }) => {
  await visit(page, "/change-tracking?region=cn-qingdao");
  await expect(page.getByText("No change tracking tasks in China (Qingdao)")).toBeVisible();
  // An unknown region in the URL: the remembered region is shown, and the page says so.
  await visit(page, "/change-tracking?region=mars-north-1");
  await expect(page.getByText("China (Qingdao) · cn-qingdao")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "unknown" })).toContainText("mars-north-1");
  // An unknown remembered region: the first region.
  await context.addCookies([{ name: "dts_region", value: "atlantis-1", url: baseURL! }]);
  await visit(page, "/change-tracking");
  await expect(page.getByText("China (Hangzhou) · cn-hangzhou")).toBeVisible();
});

test("search, filter, sort and pagination live in the URL and a deep link reproduces the view", async ({ page }) => {
  await visit(page, "/change-tracking?region=cn-hangzhou");
  await expect(page.getByText("1–10 of 28 tasks")).toBeVisible();

  await page.getByLabel("Status").selectOption("Normal");
  await expect(page).toHaveURL(/status=Normal/);
  await expect(page.getByText(/of \d+ tasks/)).not.toHaveText(/of 28 tasks/);
  const normalCount = await page.getByText(/of \d+ tasks/).textContent();
  const total = Number(/of (\d+) tasks/.exec(normalCount ?? "")?.[1]);
  expect(total).toBeGreaterThan(10);
  expect(total).toBeLessThan(28);
  const statuses = page.getByRole("table").getByTestId("task-status");
  await expect(statuses).toHaveCount(10);
  expect(new Set(await statuses.allTextContents())).toEqual(new Set(["Normal"]));

  await page.getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByLabel("Rows per page").selectOption("20");
  await expect(page).toHaveURL(/pageSize=20/);
  await expect(page).not.toHaveURL(/page=2/);

  // A copied deep link: searched, filtered, sorted, paged.
  await visit(page, "/change-tracking?region=cn-hangzhou&q=HANGZHOU&sort=created_asc&pageSize=10&page=2");
  await expect(page.getByLabel("Search by instance ID or name")).toHaveValue("HANGZHOU");
  await expect(page.getByText("11–20 of 23 tasks")).toBeVisible();
  await expect(page.getByLabel("Sort")).toHaveValue("created_asc");
  await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByTestId("task-status") });
  await expect(rows).toHaveCount(10);
  for (const row of await rows.all()) await expect(row).toContainText(/hangzhou/i);
  // Oldest first: the created times rise down the page.
  const created = page.getByRole("table").getByTestId("task-created");
  await expect(created).toHaveCount(10);
  const times = await created.allTextContents();
  expect(new Set(times).size).toBeGreaterThan(1);
  expect([...times].sort()).toEqual(times);

  await visit(page, "/change-tracking?region=cn-hangzhou&status=Abnormal&pageSize=50");
  await expect(page.getByLabel("Status")).toHaveValue("Abnormal");
  const abnormal = page.getByRole("table").getByTestId("task-status");
  await expect(abnormal).not.toHaveCount(0);
  expect(new Set(await abnormal.allTextContents())).toEqual(new Set(["Abnormal"]));

  // Search by id, case-insensitive, then clear.
  await visit(page, "/change-tracking?region=cn-hangzhou");
  await page.getByLabel("Search by instance ID or name").fill("DTSF20KX8");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=DTSF20KX8/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "dtsf20kx8wm3bd", exact: true })).toBeVisible();
  await page.getByLabel("Search by instance ID or name").fill("no-such-task-anywhere");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No tasks match")).toBeVisible();
});

test("bad query values fall back to defaults instead of failing", async ({ page }) => {
  const response = await visit(page, "/change-tracking?region=cn-hangzhou&page=-3&pageSize=7&status=Bogus&sort=%27;drop");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("1–10 of 28 tasks")).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expect(page.getByLabel("Rows per page")).toHaveValue("10");
});

test("sign out ends the session", async ({ newContext }) => {
  // Its own sign-in, so signing out does not end the session the other tests share.
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  const session = async () => (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(await session()).toBeDefined();
  await waitForHydration(page);
  await userMenu(page, "viewer").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await visit(page, "/change-tracking");
  await expect(page).toHaveURL(/\/login/);
  expect(await session()).toBeUndefined();
});

test("the session cookie is HttpOnly and SameSite", async ({ context }) => {
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("only a list the user opens remembers its region, never a link's prefetch", async ({ page }) => {
  // The page's request context carries the signed-in operator's cookies.
  const request = page.request;
  const regionCookie = (headers: { name: string; value: string }[]) =>
    headers.filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("dts_region=")).map((h) => h.value);
  const headers = { RSC: "1", "Next-Router-Prefetch": "1" };
  // Next.js first sends an RSC request without its cache key to the address with one.
  const first = await request.get("/change-tracking?region=cn-shanghai", { headers, maxRedirects: 0 });
  expect(regionCookie(first.headersArray())).toEqual([]);
  const keyed = first.headers().location ?? "/change-tracking?region=cn-shanghai";
  expect(keyed).toContain("region=cn-shanghai");
  const prefetch = await request.get(keyed, { headers, maxRedirects: 0 });
  expect(prefetch.status()).toBe(200);
  expect(regionCookie(prefetch.headersArray())).toEqual([]);
  const opened = await request.get("/change-tracking?region=cn-shanghai", { maxRedirects: 0 });
  expect(opened.status()).toBe(200);
  expect(regionCookie(opened.headersArray())).toEqual([expect.stringMatching(/^dts_region=cn-shanghai;/)]);
});
