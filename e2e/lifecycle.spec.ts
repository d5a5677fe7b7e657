import { test, expect, storageStateOf, visit, reload, ANONYMOUS } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("admin") });

test("admin changes, resets and deletes a group; the credential check and the audit log follow", async ({
  page,
  unique,
  request,
  createInstance,
}) => {
  const instance = await createInstance();
  const consume = await new ConsumePage(page).open(instance.id);
  const name = unique("life");
  const id = await consume.createGroup({ name, account: "life_reader", password: "First#Pass1" });
  const row = consume.row(name);
  const user = `life_reader-${id}`;
  const connect = (password: string) => request.post("/api/consumer/connect", { data: { user, password } });
  expect((await connect("First#Pass1")).status()).toBe(200);

  // Change password: a wrong old one is refused on its field.
  const change = await consume.openChangePassword(name);
  await change.change({ current: "Wrong#Pass1", newPassword: "Second#Pass2" });
  await expect(change.root.getByText("The current password is incorrect.")).toBeVisible();
  await expect(change.current).toHaveAttribute("aria-invalid", "true");
  await change.current.fill("First#Pass1");
  await change.submit.click();
  await expect(change.root).toBeHidden();
  await expect(page.getByText(`Password of ${name} changed`)).toBeVisible();
  expect((await connect("First#Pass1")).status()).toBe(401);

  // Reset: Generate, save, shown once.
  const reset = await consume.openResetPassword(name);
  await reset.generate.click();
  const generated = await reset.newPassword.inputValue();
  expect(generated).toHaveLength(20);
  await expect(reset.confirm).toHaveValue(generated);
  await reset.submit.click();
  await expect(reset.shownPassword).toHaveText(generated);
  // Focus goes to Copy, the one thing to do with a password shown once.
  await expect(reset.copy).toBeFocused();
  await reset.done.click();
  await expect(reset.result).toBeHidden();
  await reload(page);
  await expect(row).toBeVisible();
  await expect(page.getByText(generated)).toHaveCount(0);
  expect((await connect("Second#Pass2")).status()).toBe(401);
  expect((await connect(generated)).status()).toBe(200);

  // Delete: cancel keeps it; confirm removes it and frees quota at once.
  await expect(consume.quota).toHaveText("1 / 20");
  let remove = await consume.openDelete(name);
  await expect(remove.root).toContainText(/cannot be (recovered|undone)/);
  await remove.cancel.click();
  await expect(remove.root).toBeHidden();
  await reload(page);
  await expect(row).toBeVisible();
  await expect(consume.quota).toHaveText("1 / 20");
  remove = await consume.openDelete(name);
  await remove.confirm.click();
  await expect(row).toHaveCount(0);
  await expect(consume.quota).toHaveText("0 / 20");

  // The audit page shows each, filtered to this instance.
  await visit(page, `/audit?instance=${instance.id}`);
  const table = page.getByRole("table");
  const records = (action: string, result: string) =>
    table
      .locator(`[data-testid=audit-row][data-action=${action}][data-group=${id}]`)
      .filter({ has: page.getByTestId("audit-result").getByText(result, { exact: true }) });
  for (const action of ["createConsumerGroup", "changeConsumerGroupPassword", "resetConsumerGroupPassword", "deleteConsumerGroup"]) {
    await expect(records(action, "OK")).toHaveCount(1);
  }
  await expect(records("changeConsumerGroupPassword", "InvalidParameter.Password")).toHaveCount(1);
  await page.getByLabel("Result").selectOption("refused");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/result=refused/);
  await expect(records("changeConsumerGroupPassword", "InvalidParameter.Password")).toHaveCount(1);
  await expect(table.getByTestId("audit-result").getByText("OK", { exact: true })).toHaveCount(0);
});

test.describe("operator", () => {
  test.use({ storageState: storageStateOf("operator") });
  test("may change but not reset or delete, and cannot read the audit log", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const group = instance.groups[0];
    const consume = await new ConsumePage(page).open(instance.id);
    // Change Password inline; no Delete; More holds Reset Checkpoint only (no Reset Password).
    await expect(consume.changePassword(group.name)).toBeEnabled();
    await expect(consume.deleteButton(group.name)).toHaveCount(0);
    const menu = await consume.openMore(group.name);
    await expect(menu.getByRole("menuitem")).toHaveText(["Reset Checkpoint"]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Change Tracking" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit Log" })).toHaveCount(0);
    await visit(page, "/audit");
    await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
  });
});

test("failed sign-ins are throttled per account and audited", async ({ page, newContext }) => {
  const anon = await newContext({ storageState: ANONYMOUS });
  const login = await anon.newPage();
  const account = `ghost${Date.now().toString(36)}`;
  for (let i = 0; i < 5; i++) {
    await visit(login, "/login");
    await login.getByLabel("Username").fill(account);
    await login.getByLabel("Password", { exact: true }).fill(`wrong-${i}`);
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByRole("main").getByRole("alert")).toContainText("incorrect");
  }
  await login.getByLabel("Password", { exact: true }).fill("another-try");
  await login.getByRole("button", { name: "Sign in" }).click();
  await expect(login.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-in attempts");

  await visit(page, `/audit?action=signIn&user=${account}`);
  const rows = page.getByTestId("audit-row").filter({ has: page.getByText(account, { exact: true }) });
  await expect(rows.filter({ has: page.getByTestId("audit-result").getByText("Unauthorized", { exact: true }) })).toHaveCount(5);
  await expect(rows.filter({ has: page.getByTestId("audit-result").getByText("Throttling.User", { exact: true }) })).toHaveCount(1);
});

test("a connected consumer's progress shows up in the table without a reload", async ({ page, request, createInstance }) => {
  const instance = await createInstance({ groups: 1 });
  const group = instance.groups[0];
  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.messageDelay(group.name)).toHaveText("—");
  await expect(consume.unconsumedData(group.name)).toHaveText("—");

  const connect = await request.post("/api/consumer/connect", { data: { user: group.user, password: group.password } });
  expect(connect.status()).toBe(200);
  const { leaseToken } = (await connect.json()) as { leaseToken: string };
  // A second client is refused while the first holds the lease.
  expect((await request.post("/api/consumer/connect", { data: { user: group.user, password: group.password } })).status()).toBe(409);
  const hb = await request.post("/api/consumer/heartbeat", {
    data: { groupId: group.id, leaseToken, checkpoint: new Date(Date.now() - 7000).toISOString(), unconsumed: 1234 },
  });
  expect(hb.status()).toBe(200);
  // The table polls: delay and backlog appear by themselves.
  await expect(consume.unconsumedData(group.name)).toHaveText("1,234", { timeout: 15_000 });
  await expect(consume.messageDelay(group.name)).toHaveText(/^\d+ s$/);

  expect((await request.post("/api/consumer/disconnect", { data: { groupId: group.id, leaseToken } })).status()).toBe(200);
  await expect(consume.messageDelay(group.name)).toHaveText("—", { timeout: 15_000 });
  await expect(consume.unconsumedData(group.name)).toHaveText("—");
});
