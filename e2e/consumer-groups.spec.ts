import { test, expect, storageStateOf, SEED } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ storageState: storageStateOf("operator") });

const quota = (page: Page) => page.getByTestId("quota");
const addButton = (page: Page) => page.getByRole("button", { name: "Add Consumer Group" });

async function fillDialog(page: Page, values: { name: string; account: string; password: string; confirm?: string }) {
  const dialog = page.getByRole("dialog", { name: "Create Consumer Group" });
  await dialog.getByLabel("Consumer Group Name").fill(values.name);
  await dialog.getByLabel("Account").fill(values.account);
  await dialog.getByLabel("Password", { exact: true }).fill(values.password);
  await dialog.getByLabel("Confirm Password").fill(values.confirm ?? values.password);
  return dialog;
}

test("operator walks the DTS flow and creates a consumer group without a reload", async ({ page, unique }) => {
  await page.goto("/change-tracking");
  await page.getByRole("button", { name: /^Region:/ }).click();
  await page.getByRole("menuitemradio", { name: /China \(Hangzhou\)/ }).click();
  await page.getByRole("link", { name: SEED.empty }).first().click();
  await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Data Consume" }).click();
  await expect(page).toHaveURL(new RegExp(`${SEED.empty}/consume$`));
  await expect(page.getByText("No consumer groups yet")).toBeVisible();
  await expect(quota(page)).toHaveText("0 / 20");
  await expect(page.getByText(/data may be duplicated/)).toBeVisible();
  await expect(page.getByText("<account>-<consumerGroupId>")).toBeVisible();

  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await addButton(page).click();
  const name = unique("orders-bi");
  const dialog = await fillDialog(page, { name, account: "bi_reader", password: "Secret#2026" });
  await dialog.getByRole("button", { name: "Create" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Consumer group ${name} created`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("bi_reader");
  await expect(row.getByRole("cell").nth(3)).toHaveText("—");
  await expect(quota(page)).toHaveText("1 / 20");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The connection hint names the new group's SASL user.
  const id = (await row.getByRole("cell").first().locator(".font-mono").textContent())!.trim();
  expect(id).toMatch(/^dts[a-z0-9]{11}$/);
  await expect(page.getByText(`bi_reader-${id}`)).toBeVisible();

  // The same name again in this instance is refused on the name field; nothing typed is lost.
  await addButton(page).click();
  await fillDialog(page, { name, account: "second", password: "Secret#2026" });
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByLabel("Consumer Group Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("already exists in this instance")).toBeVisible();
  await expect(dialog.getByLabel("Account")).toHaveValue("second");
  await expect(dialog.getByLabel("Password", { exact: true })).toHaveValue("Secret#2026");
});

test("the dialog checks the rules as the user types, is keyboard-usable and keeps focus inside", async ({ page }) => {
  await page.goto(`/change-tracking/${SEED.normal}/consume`);
  await addButton(page).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create Consumer Group" });
  await expect(dialog).toBeVisible();

  const account = dialog.getByLabel("Account");
  await account.fill("bad-name!");
  await expect(dialog.getByText("The account can contain only letters, digits and underscores (_).")).toBeVisible();
  await expect(account).toHaveAttribute("aria-invalid", "true");
  await expect(account).toHaveAttribute("aria-describedby", /cg-account-error/);
  await account.fill("a".repeat(17));
  await expect(dialog.getByText("The account can be at most 16 characters long.")).toBeVisible();
  await account.fill("good_name");
  await expect(account).toHaveAttribute("aria-invalid", "false");

  const password = dialog.getByLabel("Password", { exact: true });
  await password.fill("short1A");
  await expect(dialog.getByText("The password must be at least 8 characters long.")).toBeVisible();
  await password.fill("alllowercase");
  await expect(dialog.getByText(/at least two of: uppercase letters/).first()).toBeVisible();
  await password.fill("Lower123");
  await dialog.getByLabel("Confirm Password").fill("Lower124");
  await expect(dialog.getByText("The passwords do not match.")).toBeVisible();

  // Show/hide toggles both password fields.
  await expect(password).toHaveAttribute("type", "password");
  await dialog.getByRole("button", { name: "Show password" }).first().click();
  await expect(password).toHaveAttribute("type", "text");
  await dialog.getByRole("button", { name: "Hide password" }).first().click();
  await expect(password).toHaveAttribute("type", "password");

  // Submitting with an empty name puts the message on the name field.
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Enter a consumer group name.")).toBeVisible();

  // Focus stays in the dialog however far one tabs.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(addButton(page)).toBeFocused();
});

test("the 20th group fills the quota; the 21st is refused even from a dialog opened before", async ({ page, browser, unique }) => {
  await page.goto(`/change-tracking/${SEED.nineteen}/consume`);
  await expect(quota(page)).toHaveText("19 / 20");

  // A second operator opens the dialog while one slot is free.
  const other = await browser.newContext({ storageState: storageStateOf("operator") });
  const late = await other.newPage();
  await late.goto(`/change-tracking/${SEED.nineteen}/consume`);
  await late.getByRole("button", { name: "Add Consumer Group" }).click();
  const lateName = unique("too-late");
  const lateDialog = await fillDialog(late, { name: lateName, account: "late_reader", password: "Late#Pass1" });

  // The first takes the last slot.
  await addButton(page).click();
  const dialog = await fillDialog(page, { name: unique("twentieth"), account: "reader20", password: "Twenty#20" });
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(quota(page)).toHaveText("20 / 20");
  await expect(addButton(page)).toBeDisabled();
  await addButton(page).locator("..").hover();
  await expect(page.getByRole("tooltip")).toContainText("20 consumer groups");

  // The second submits now: the server refuses, the dialog stays open with everything typed.
  await lateDialog.getByRole("button", { name: "Create" }).click();
  await expect(lateDialog.getByRole("alert")).toContainText("already has 20 consumer groups");
  await expect(lateDialog.getByLabel("Consumer Group Name")).toHaveValue(lateName);
  await expect(lateDialog.getByLabel("Password", { exact: true })).toHaveValue("Late#Pass1");
  await late.keyboard.press("Escape");
  await expect(late.getByTestId("quota")).toHaveText("20 / 20");
  await expect(late.getByRole("row").filter({ hasText: lateName })).toHaveCount(0);
  await other.close();
});

test("a full instance and an instance that is not Normal disable Add and say why", async ({ page }) => {
  await page.goto(`/change-tracking/${SEED.full}/consume`);
  await expect(quota(page)).toHaveText("20 / 20");
  await expect(addButton(page)).toBeDisabled();

  await page.goto(`/change-tracking/${SEED.abnormal}/consume`);
  await expect(addButton(page)).toBeDisabled();
  await page.getByLabel(/Add Consumer Group \(unavailable/).focus();
  await expect(page.getByRole("tooltip")).toContainText("only while the instance is Normal");
});

test("the table refreshes by itself", async ({ page }) => {
  await page.goto(`/change-tracking/${SEED.normal}/consume`);
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes(`/api/instances/${SEED.normal}/consumer-groups`)) requests.push(r.url());
  });
  await expect.poll(() => requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
});

test("screenshot of the Data Consume page with the dialog open, for the README", async ({ page }) => {
  await page.goto(`/change-tracking/${SEED.normal}/consume`);
  await expect(page.getByRole("row")).not.toHaveCount(0);
  await addButton(page).click();
  await fillDialog(page, { name: "realtime-dashboard", account: "dash_reader", password: "Dashboard#1" });
  await page.getByRole("dialog").getByLabel("Account").focus();
  await page.screenshot({ path: "docs/data-consume.png" });
});
