import { test, expect, storageStateOf, SEED } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ storageState: storageStateOf("admin") });

async function addGroup(page: Page, name: string, account: string, password: string) {
  await page.getByRole("button", { name: "Add Consumer Group" }).click();
  const dialog = page.getByRole("dialog", { name: "Create Consumer Group" });
  await dialog.getByLabel("Consumer Group Name").fill(name);
  await dialog.getByLabel("Account").fill(account);
  await dialog.getByLabel("Password", { exact: true }).fill(password);
  await dialog.getByLabel("Confirm Password").fill(password);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  return (await row.getByRole("cell").first().locator(".font-mono").textContent())!.trim();
}

test("admin changes, resets and deletes a group; the credential check and the audit log follow", async ({ page, unique, request }) => {
  await page.goto(`/change-tracking/${SEED.normal}/consume`);
  const name = unique("life");
  const id = await addGroup(page, name, "life_reader", "First#Pass1");
  const row = page.getByRole("row").filter({ hasText: name });
  const user = `life_reader-${id}`;
  expect((await request.post("/api/consumer/connect", { data: { user, password: "First#Pass1" } })).status()).toBe(200);

  // Change password: a wrong old one is refused on its field.
  await row.getByRole("button", { name: `Change Password ${name}` }).click();
  let dialog = page.getByRole("dialog", { name: "Change Password" });
  await dialog.getByLabel("Current Password").fill("Wrong#Pass1");
  await dialog.getByLabel("New Password").fill("Second#Pass2");
  await dialog.getByLabel("Confirm Password").fill("Second#Pass2");
  await dialog.getByRole("button", { name: "Change Password" }).click();
  await expect(dialog.getByText("The current password is incorrect.")).toBeVisible();
  await dialog.getByLabel("Current Password").fill("First#Pass1");
  await dialog.getByRole("button", { name: "Change Password" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Password of ${name} changed`)).toBeVisible();

  // Reset: Generate, save, shown once.
  await row.getByRole("button", { name: `Reset Password ${name}` }).click();
  dialog = page.getByRole("dialog", { name: "Reset Password" });
  await dialog.getByRole("button", { name: "Generate" }).click();
  const generated = await dialog.getByLabel("New Password").inputValue();
  expect(generated).toHaveLength(20);
  await expect(dialog.getByLabel("Confirm Password")).toHaveValue(generated);
  await dialog.getByRole("button", { name: "Reset Password" }).click();
  const shown = page.getByRole("dialog", { name: "Password Reset" });
  await expect(shown.getByTestId("new-password")).toHaveText(generated);
  await shown.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByText(generated)).toHaveCount(0);
  expect((await request.post("/api/consumer/connect", { data: { user, password: "Second#Pass2" } })).status()).toBe(401);
  expect((await request.post("/api/consumer/connect", { data: { user, password: generated } })).status()).toBe(200);

  // Delete: cancel keeps it; confirm removes it and frees quota at once.
  const quota = page.getByTestId("quota");
  const before = Number((await quota.textContent())!.split("/")[0].trim());
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  dialog = page.getByRole("dialog", { name: `Delete consumer group ${name}?` });
  await expect(dialog).toContainText("cannot be recovered");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  await expect(quota).toHaveText(`${before - 1} / 20`);

  // The audit page shows each, filtered to this instance.
  await page.goto(`/audit?instance=${SEED.normal}`);
  const table = page.getByRole("table");
  for (const action of ["createConsumerGroup", "changeConsumerGroupPassword", "resetConsumerGroupPassword", "deleteConsumerGroup"]) {
    await expect(table.getByRole("row").filter({ hasText: action }).filter({ hasText: id }).filter({ hasText: "OK" }).first()).toBeVisible();
  }
  await expect(table.getByRole("row").filter({ hasText: "changeConsumerGroupPassword" }).filter({ hasText: "InvalidParameter.Password" }).first()).toBeVisible();
  await page.getByLabel("Result").selectOption("refused");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/result=refused/);
  await expect(table.getByText("OK", { exact: true })).toHaveCount(0);
});

test.describe("operator", () => {
  test.use({ storageState: storageStateOf("operator") });
  test("may change but not reset or delete, and cannot read the audit log", async ({ page }) => {
    await page.goto(`/change-tracking/${SEED.normal}/consume`);
    const row = page.getByRole("row").nth(1);
    await expect(row.getByRole("button", { name: /^Change Password/ })).toBeVisible();
    await expect(row.getByLabel(/Reset Password .* \(unavailable for operator\)/)).toBeVisible();
    await expect(row.getByLabel(/Delete .* \(unavailable for operator\)/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit Log" })).toHaveCount(0);
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
  });
});

test("failed sign-ins are throttled per account and audited", async ({ browser, page }) => {
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const login = await anon.newPage();
  const account = `ghost${Date.now().toString(36)}`;
  for (let i = 0; i < 5; i++) {
    await login.goto("/login");
    await login.getByLabel("Username").fill(account);
    await login.getByLabel("Password").fill(`wrong-${i}`);
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByRole("main").getByRole("alert")).toContainText("incorrect");
  }
  await login.getByLabel("Password").fill("another-try");
  await login.getByRole("button", { name: "Sign in" }).click();
  await expect(login.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-in attempts");
  await anon.close();

  await page.goto(`/audit?action=signIn&user=${account}`);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Unauthorized" })).toHaveCount(5);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Throttling.User" })).toHaveCount(1);
});

test("a connected consumer's progress shows up in the table without a reload", async ({ page, unique, request }) => {
  await page.goto(`/change-tracking/${SEED.empty}/consume`);
  const name = unique("live");
  const id = await addGroup(page, name, "live_reader", "Live#Pass12");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByRole("cell").nth(3)).toHaveText("—");

  const connect = await request.post("/api/consumer/connect", { data: { user: `live_reader-${id}`, password: "Live#Pass12" } });
  expect(connect.status()).toBe(200);
  const { leaseToken } = await connect.json();
  // A second client is refused while the first holds the lease.
  expect((await request.post("/api/consumer/connect", { data: { user: `live_reader-${id}`, password: "Live#Pass12" } })).status()).toBe(409);
  const hb = await request.post("/api/consumer/heartbeat", {
    data: { groupId: id, leaseToken, checkpoint: new Date(Date.now() - 7000).toISOString(), unconsumed: 1234 },
  });
  expect(hb.status()).toBe(200);
  // The table polls: delay and backlog appear by themselves.
  await expect(row.getByRole("cell").nth(4)).toHaveText("1,234", { timeout: 15_000 });
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d+ s$/);

  expect((await request.post("/api/consumer/disconnect", { data: { groupId: id, leaseToken } })).status()).toBe(200);
  await expect(row.getByRole("cell").nth(3)).toHaveText("—", { timeout: 15_000 });
});
