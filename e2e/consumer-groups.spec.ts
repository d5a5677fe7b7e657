import { test, expect, storageStateOf, visit, TEST_REGION } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("operator") });

test("operator walks the DTS flow and creates a consumer group without a reload", async ({ page, unique, createInstance }) => {
  const instance = await createInstance();
  await visit(page, "/change-tracking");
  await page.getByRole("button", { name: /^Region:/ }).click();
  await page.getByRole("menuitemradio", { name: TEST_REGION.name }).click();
  await expect(page).toHaveURL(new RegExp(`region=${TEST_REGION.id}`));
  await page.getByLabel("Search by instance ID or name").fill(instance.id);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${instance.id}`));
  await page.getByRole("link", { name: instance.id, exact: true }).click();
  await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Data Consume" }).click();
  await expect(page).toHaveURL(new RegExp(`${instance.id}/consume$`));

  const consume = new ConsumePage(page);
  await expect(page.getByText("No consumer groups yet")).toBeVisible();
  await expect(consume.quota).toHaveText("0 / 20");
  await expect(page.getByText(/data may be duplicated/)).toBeVisible();
  await expect(page.getByText("<account>-<consumerGroupId>")).toBeVisible();

  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  // Auto-refresh off: the new row comes from the refetch the dialog asks for, not from a poll.
  await consume.autoRefresh.selectOption("0");
  const name = unique("orders-bi");
  const id = await consume.createGroup({ name, account: "bi_reader", password: "Secret#2026" });
  await expect(page.getByText(`Consumer group ${name} created`)).toBeVisible();
  await expect(consume.table).not.toHaveAttribute("data-stale", "true");
  await expect(consume.row(name).getByRole("cell", { name: "bi_reader", exact: true })).toBeVisible();
  await expect(consume.messageDelay(name)).toHaveText("—");
  await expect(consume.quota).toHaveText("1 / 20");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

  // The connection hint names the new group's SASL user.
  expect(id).toMatch(/^dts[a-z0-9]{11}$/);
  await expect(page.getByTestId("example-sasl-user")).toHaveText(`bi_reader-${id}`);

  // The same name again in this instance is refused on the name field; nothing typed is lost.
  const dialog = await consume.openCreateDialog();
  await dialog.fill({ name, account: "second", password: "Secret#2026" });
  await dialog.create.click();
  await expect(dialog.name).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.root.getByText("already exists in this instance")).toBeVisible();
  await expect(dialog.account).toHaveValue("second");
  await expect(dialog.password).toHaveValue("Secret#2026");
});

test("each group's connect guide: the network's endpoint, the client's configuration, the user filled in, never the password", async ({
  page,
  createInstance,
}) => {
  const instance = await createInstance({ groups: [{ account: "bi_reader" }] });
  const group = instance.groups[0];
  const consume = await new ConsumePage(page).open(instance.id);
  const drawer = await consume.openDetails(group.name);
  await drawer.root.getByRole("tab", { name: "Connect" }).click();
  const snippet = drawer.root.getByTestId("connect-snippet");
  // Kafka's Java properties on the VPC endpoint (DTS's :18003) by default.
  await expect(snippet).toContainText(`bootstrap.servers=dts-${instance.regionId}-vpc.aliyuncs.com:18003`);
  await expect(snippet).toContainText(`group.id=${group.id}`);
  await expect(snippet).toContainText(`username="bi_reader-${group.id}"`);
  await expect(snippet).toContainText('password="<consumer group password>"');
  await expect(snippet).not.toContainText(group.password);
  await drawer.root.getByLabel("Network").selectOption("public");
  await expect(snippet).toContainText(`bootstrap.servers=dts-${instance.regionId}.aliyuncs.com:18001`);
  // The client tabs follow the arrow keys.
  await drawer.root.getByRole("tab", { name: "Kafka (Java)" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(drawer.root.getByRole("tab", { name: "Python" })).toBeFocused();
  await expect(snippet).toContainText(`"sasl.username": "bi_reader-${group.id}"`);
  await expect(drawer.root.getByRole("button", { name: "Copy Python configuration" })).toBeVisible();
  await expect(drawer.root.getByRole("link", { name: "DTS help: Python" })).toHaveAttribute("href", /alibabacloud\.com\/help/);
});

test("the dialog checks the rules as the user types, is keyboard-usable and keeps focus inside", async ({ page, createInstance }) => {
  const consume = await new ConsumePage(page).open((await createInstance()).id);
  // Enabled only once hydrated: a key press before then would open nothing.
  await expect(consume.addButton).toBeEnabled();
  await consume.addButton.focus();
  await page.keyboard.press("Enter");
  const dialog = consume.createDialog;
  await expect(dialog.root).toBeVisible();

  await dialog.account.fill("bad-name!");
  await expect(dialog.root.getByText("The account can contain only letters, digits and underscores (_).")).toBeVisible();
  await expect(dialog.account).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.account).toHaveAttribute("aria-describedby", /cg-account-error/);
  await dialog.account.fill("a".repeat(17));
  await expect(dialog.root.getByText("The account can be at most 16 characters long.")).toBeVisible();
  await dialog.account.fill("good_name");
  await expect(dialog.account).toHaveAttribute("aria-invalid", "false");

  await dialog.password.fill("short1A");
  await expect(dialog.root.getByText("The password must be at least 8 characters long.")).toBeVisible();
  await dialog.password.fill("alllowercase");
  await expect(dialog.root.getByText(/at least two of: uppercase letters/).first()).toBeVisible();
  await dialog.password.fill("Lower123");
  await dialog.confirm.fill("Lower124");
  await expect(dialog.root.getByText("The passwords do not match.")).toBeVisible();

  // Show/hide toggles both password fields.
  await expect(dialog.password).toHaveAttribute("type", "password");
  await expect(dialog.confirm).toHaveAttribute("type", "password");
  await dialog.root.getByRole("button", { name: "Show password" }).first().click();
  await expect(dialog.password).toHaveAttribute("type", "text");
  await expect(dialog.confirm).toHaveAttribute("type", "text");
  await dialog.root.getByRole("button", { name: "Hide password" }).first().click();
  await expect(dialog.password).toHaveAttribute("type", "password");
  await expect(dialog.confirm).toHaveAttribute("type", "password");

  // Submitting with an empty name puts the message on the name field.
  await dialog.create.click();
  await expect(dialog.root.getByText("Enter a consumer group name.")).toBeVisible();
  await expect(dialog.name).toHaveAttribute("aria-invalid", "true");

  // Focus stays in the dialog however far one tabs.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.root.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog.root).toBeHidden();
  await expect(consume.addButton).toBeFocused();
});

test("the 20th group fills the quota; the 21st is refused even from a dialog opened before", async ({
  page,
  newContext,
  unique,
  createInstance,
}) => {
  const instance = await createInstance({ groups: 19 });
  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.quota).toHaveText("19 / 20");

  // A second operator opens the dialog while one slot is free.
  const other = await newContext({ storageState: storageStateOf("operator") });
  const late = await new ConsumePage(await other.newPage()).open(instance.id);
  const lateName = unique("too-late");
  const lateDialog = await late.openCreateDialog();
  await lateDialog.fill({ name: lateName, account: "late_reader", password: "Late#Pass1" });

  // The first takes the last slot.
  await consume.createGroup({ name: unique("twentieth"), account: "reader20", password: "Twenty#20" });
  await expect(consume.quota).toHaveText("20 / 20");
  await expect(consume.addButton).toBeDisabled();
  await consume.addUnavailable.hover();
  await expect(page.getByRole("tooltip")).toContainText("20 consumer groups");

  // The second submits now: the server refuses, the dialog stays open with everything typed.
  await lateDialog.create.click();
  await expect(lateDialog.alert).toContainText("already has 20 consumer groups");
  await expect(lateDialog.name).toHaveValue(lateName);
  await expect(lateDialog.password).toHaveValue("Late#Pass1");
  await late.page.keyboard.press("Escape");
  await expect(late.quota).toHaveText("20 / 20");
  await expect(late.row(lateName)).toHaveCount(0);
});

test("a full instance and an instance that is not Normal disable Add and say why", async ({ page, createInstance }) => {
  const full = await createInstance({ groups: 20 });
  const abnormal = await createInstance({ status: "Abnormal", groups: 2 });
  const consume = await new ConsumePage(page).open(full.id);
  await expect(consume.quota).toHaveText("20 / 20");
  await expect(consume.addButton).toBeDisabled();
  await consume.addUnavailable.focus();
  await expect(page.getByRole("tooltip")).toContainText("the most it can have");

  await consume.open(abnormal.id);
  await expect(consume.quota).toHaveText("2 / 20");
  await expect(consume.addButton).toBeDisabled();
  await consume.addUnavailable.focus();
  await expect(page.getByRole("tooltip")).toContainText("only while the instance is Normal");
});

test("the table refreshes by itself when a group is added elsewhere", async ({ page, createInstance, createGroup }) => {
  const instance = await createInstance({ groups: 1 });
  const consume = await new ConsumePage(page).open(instance.id);
  await expect(consume.row(instance.groups[0].name)).toBeVisible();
  await expect(consume.quota).toHaveText("1 / 20");
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const added = await createGroup(instance.id, { account: "elsewhere" });
  await expect(consume.row(added.name)).toBeVisible({ timeout: 15_000 });
  await expect(consume.groupId(added.name)).toHaveText(added.id);
  await expect(consume.quota).toHaveText("2 / 20");
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
