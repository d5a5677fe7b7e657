import { test, expect, storageStateOf, visit, SEED } from "./fixtures";

// The instance pages only read: they show the seeded demo instance of the DTS help page, and
// instances a test makes for itself.

test.use({ storageState: storageStateOf("operator") });

test("the instance page shows basic information, endpoints with copy buttons, and a breadcrumb", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await visit(page, "/change-tracking?region=cn-hangzhou");
  await page.getByRole("link", { name: SEED.normal, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${SEED.normal}$`));
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: "Change Tracking" })).toHaveAttribute("href", "/change-tracking?region=cn-hangzhou");
  await expect(page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Basic Information" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByText("cn_hangzhou_rm_bp1162kryivb8_dtstest_version2")).toBeVisible();
  await expect(page.getByText("rm-bp1162kryivb8")).toBeVisible();
  await expect(page.getByText("DML", { exact: true })).toBeVisible();
  for (const kind of ["VPC", "Private", "Public"]) {
    await expect(page.getByText(`${kind} Endpoint`)).toBeVisible();
  }
  await page.getByRole("button", { name: "Copy public endpoint" }).click();
  await expect(page.getByText("public endpoint copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^dts-cn-hangzhou\.aliyuncs\.com:\d+$/);
});

test("an unknown instance id gives a not-found page", async ({ page }) => {
  const response = await visit(page, "/change-tracking/dtsdoesnotexist1");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Instance not found" })).toBeVisible();
  const odd = await visit(page, "/change-tracking/..%2F..%2Fetc");
  expect(odd?.status()).toBe(404);
});

test("Back to an instance's page shows it as it is now, not as the router cached it", async ({ page, createInstance, createGroup }) => {
  const instance = await createInstance({ groups: 1 });
  await visit(page, `/change-tracking/${instance.id}`);
  const groups = page.getByText("1 / 20", { exact: true });
  await expect(groups).toBeVisible();
  await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Data Consume" }).click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${instance.id}/consume$`));
  // Another browser (or an API client) adds a group meanwhile.
  await createGroup(instance.id);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${instance.id}$`));
  await expect(page.getByText("2 / 20", { exact: true })).toBeVisible();
});
