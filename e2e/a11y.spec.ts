import { test, expect, storageStateOf, visit, SEED, ANONYMOUS, type Role } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { ConsumePage } from "./pages/consume-page";

// axe on every page and every dialog state, as each role: no violation of any impact.

test("the sign-in page, empty, refused and after a lapsed session", async ({ newContext }) => {
  const page = await (await newContext({ storageState: ANONYMOUS })).newPage();
  await visit(page, "/login");
  await expectNoAxeViolations(page, "sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await expectNoAxeViolations(page, "sign-in with errors");
  await visit(page, "/login?reason=expired&callbackUrl=%2Fchange-tracking");
  await expect(page.getByText("Your session has expired")).toBeVisible();
  await expectNoAxeViolations(page, "sign-in after a lapsed session");
});

for (const role of ["viewer", "operator", "admin"] as Role[]) {
  test.describe(role, () => {
    test.use({ storageState: storageStateOf(role) });

    // Many pages and an axe run each: more time than the default.
    test.describe.configure({ timeout: 180_000 });

    test(`the task list, its menus, the instance page, the audit log and the 404 pages as ${role}`, async ({ page }) => {
      await visit(page, "/change-tracking?region=cn-hangzhou");
      await expectNoAxeViolations(page, "task list");
      await page.getByRole("button", { name: /^Region:/ }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoAxeViolations(page, "region menu open");
      await page.keyboard.press("Escape");
      await page
        .getByRole("banner")
        .getByRole("button", { name: new RegExp(`^${role} `) })
        .click();
      await expect(page.getByRole("menu")).toBeVisible();
      await expectNoAxeViolations(page, "user menu open");
      await page.keyboard.press("Escape");

      await visit(page, `/change-tracking/${SEED.normal}`);
      await expectNoAxeViolations(page, "basic information");
      await visit(page, "/lagging?region=cn-hangzhou&over=0");
      await expectNoAxeViolations(page, "lagging consumer groups");
      await visit(page, "/alerts");
      await expectNoAxeViolations(page, "alerts");
      await visit(page, `/change-tracking/${SEED.normal}/monitoring?range=7d`);
      await expectNoAxeViolations(page, "monitoring");
      await visit(page, "/audit");
      await expectNoAxeViolations(page, role === "admin" ? "audit log" : "audit log forbidden");
      await visit(page, "/no/such/page");
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expectNoAxeViolations(page, "404");
      await visit(page, "/change-tracking/dtsdoesnotexist1");
      await expectNoAxeViolations(page, "instance not found");
    });

    test(`Data Consume, its row menu, drawer and search as ${role}`, async ({ page, createInstance }) => {
      const instance = await createInstance({ groups: 2 });
      await visit(page, `/change-tracking/${SEED.full}/consume`);
      await expectNoAxeViolations(page, "data consume, quota full");
      const consume = await new ConsumePage(page).open(instance.id);
      await expectNoAxeViolations(page, "data consume");
      const name = instance.groups[0].name;
      // A viewer's row has no menu (nothing it may do); the others' More menu is checked open.
      if (role !== "viewer") {
        await consume.openMore(name);
        await expectNoAxeViolations(page, "row menu open");
        await page.keyboard.press("Escape");
      } else await expect(consume.more(name)).toHaveCount(0);
      await consume.openDetails(name);
      await expect(page.getByText("no samples in the last hour").first()).toBeVisible();
      await expectNoAxeViolations(page, "details drawer");
      await page.keyboard.press("Escape");
      await consume.search.fill("nothing-matches-this");
      await expect(page.getByText("No consumer groups match")).toBeVisible();
      await expectNoAxeViolations(page, "data consume, no match");
      // One click clears the search and gives the rows back, focus in the search box.
      await page.getByRole("button", { name: "Clear search" }).click();
      await expect(consume.search).toHaveValue("");
      await expect(consume.search).toBeFocused();
      await expect(consume.row(name)).toBeVisible();
    });
  });
}

test.describe("phone", () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ storageState: storageStateOf("viewer"), viewport: { width: 390, height: 844 } });
  test("the menu sheet and the pages on a phone", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await expectNoAxeViolations(page, "task list, phone");
    await page.getByRole("button", { name: "Open navigation menu" }).click();
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
    await expectNoAxeViolations(page, "navigation sheet");
    await page.keyboard.press("Escape");
    const consume = await new ConsumePage(page).open(instance.id);
    await expectNoAxeViolations(page, "data consume, phone");
    await consume.openDetails(instance.groups[0].name);
    await expectNoAxeViolations(page, "details drawer, phone");
  });
});

test.describe("operator dialogs", () => {
  test.use({ storageState: storageStateOf("operator") });
  test("create and change password, empty and refused", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const consume = await new ConsumePage(page).open(instance.id);
    const dialog = await consume.openCreateDialog();
    await expectNoAxeViolations(page, "create dialog");
    await dialog.create.click();
    await expect(dialog.name).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "create dialog with errors");
    await page.keyboard.press("Escape");
    const change = await consume.openChangePassword(instance.groups[0].name);
    await expectNoAxeViolations(page, "change password dialog");
    await change.change({ current: "Wrong#Pass1", newPassword: "Second#Pass2" });
    await expect(change.root.getByText("The current password is incorrect.")).toBeVisible();
    await expectNoAxeViolations(page, "change password refused");
  });
});

test.describe("admin dialogs", () => {
  test.use({ storageState: storageStateOf("admin") });
  test("reset (form and shown-once result) and delete", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const name = instance.groups[0].name;
    const consume = await new ConsumePage(page).open(instance.id);
    const reset = await consume.openResetPassword(name);
    await expectNoAxeViolations(page, "reset dialog");
    await reset.generate.click();
    await reset.submit.click();
    await expect(reset.shownPassword).toBeVisible();
    await expectNoAxeViolations(page, "reset result");
    await reset.done.click();
    await (await consume.openMore(name)).getByRole("menuitem", { name: "Reset Checkpoint", exact: true }).click();
    const checkpoint = page.getByRole("dialog", { name: `Reset the checkpoint of ${name}` });
    await expect(checkpoint).toBeVisible();
    await expectNoAxeViolations(page, "reset checkpoint dialog");
    await page.keyboard.press("Escape");
    await consume.openDelete(name);
    await expectNoAxeViolations(page, "delete dialog");
  });
});

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });
  test("the unavailable Create button's explanation", async ({ page, createInstance }) => {
    const consume = await new ConsumePage(page).open((await createInstance()).id);
    await consume.addUnavailable.focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    await expectNoAxeViolations(page, "create unavailable tooltip");
  });
});
