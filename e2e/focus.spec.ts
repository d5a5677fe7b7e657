import { test, expect, storageStateOf, userMenu, visit, SEED } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("admin") });

test("a skip link comes first and moves focus to the page's content", async ({ page }) => {
  await visit(page, "/change-tracking?region=cn-hangzhou");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  // The next Tab lands in the content, not in the top bar.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("the create dialog opens on its first field, says Create throughout, forgets typed passwords on Cancel and focuses the first invalid field", async ({
  page,
  createInstance,
}) => {
  const consume = await new ConsumePage(page).open((await createInstance()).id);
  await expect(consume.addButton).toHaveText("Add Consumer Group");
  const dialog = await consume.openCreateDialog();
  await expect(dialog.root.getByRole("heading", { name: "Create Consumer Group" })).toBeVisible();
  await expect(dialog.create).toHaveText("Create");
  await expect(dialog.name).toBeFocused();
  // Every field is required, and says so to a screen reader (the asterisk is hidden from it).
  for (const field of [dialog.name, dialog.account, dialog.password, dialog.confirm])
    await expect(field).toHaveAttribute("aria-required", "true");

  await dialog.name.fill("kept-for-a-moment");
  await dialog.password.fill("Secret#2026");
  await dialog.confirm.fill("Secret#2026");
  await dialog.root.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog.root).toBeHidden();
  await expect(consume.addButton).toBeFocused();
  await consume.openCreateDialog();
  await expect(dialog.password).toHaveValue("");
  await expect(dialog.confirm).toHaveValue("");
  await expect(dialog.name).toHaveValue("");

  // A refused submit: focus goes to the first field in error.
  await dialog.account.fill("reader");
  await dialog.create.click();
  await expect(dialog.name).toBeFocused();
  await expect(dialog.name).toHaveAttribute("aria-invalid", "true");
});

test("closing change, reset or delete returns focus to the control that opened it; after a delete, to the table's heading", async ({
  page,
  db,
  createInstance,
}) => {
  const instance = await createInstance({ groups: 1 });
  const name = instance.groups[0].name;
  const consume = await new ConsumePage(page).open(instance.id);

  const change = await consume.openChangePassword(name);
  await expect(change.current).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(consume.changePassword(name)).toBeFocused();

  const reset = await consume.openResetPassword(name);
  await expect(reset.newPassword).toBeFocused();
  // What happens to a connected consumer is said before the reset, not after.
  await expect(reset.root.getByTestId("reset-warning")).toContainText("current one stops working");
  await reset.root.getByRole("button", { name: "Cancel" }).click();
  await expect(consume.more(name)).toBeFocused();

  // No checkpoint yet: the delete dialog says so instead of "(checkpoint )".
  let remove = await consume.openDelete(name);
  await expect(remove.root.getByTestId("delete-warning")).toContainText("no consumption checkpoint yet");
  await expect(remove.root).not.toContainText("(checkpoint )");
  await remove.cancel.click();
  await expect(consume.deleteButton(name)).toBeFocused();

  await db.consumerGroup.update({ where: { id: instance.groups[0].id }, data: { checkpointAt: new Date("2026-11-28T10:00:05Z") } });
  await consume.refresh.click();
  remove = await consume.openDelete(name);
  await expect(remove.root.getByTestId("delete-warning")).toContainText("(checkpoint 2026-11-28 10:00:05 UTC) is lost");
  await remove.confirm.click();
  await expect(consume.row(name)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Consumer Groups" })).toBeFocused();
});

test("the console's 404 is inside the shell; the icons are served", async ({ page, request }) => {
  const response = await visit(page, "/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Change Tracking" })).toBeVisible();
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
    ["/icon-192.png", /image\/png/],
    ["/manifest.webmanifest", /manifest\+json|json/],
  ] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
});

test.describe("popups whose code comes when first wanted", () => {
  // Every script fetched after the page is up arrives late: a press or focus lands on the plain
  // trigger, before the menu's code (components/ui/when-wanted.ts).
  const slowScripts = async (page: import("@playwright/test").Page) =>
    page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });

  /**
   * Holds a press on a plain trigger until its popup's code is in (every script late, and counted),
   * and checks the pressed element is still the plain one (Radix's trigger has a data-state). The
   * caller releases it.
   */
  const pressAsCodeArrives = async (page: import("@playwright/test").Page, trigger: import("@playwright/test").Locator) => {
    const scripts = { pending: 0, served: 0 };
    await page.route("**/_next/static/chunks/**", async (route) => {
      scripts.pending++;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
      scripts.pending--;
      scripts.served++;
    });
    await trigger.hover(); // the popup's code starts loading
    await page.mouse.down();
    await expect.poll(() => scripts.served > 0 && scripts.pending === 0).toBe(true);
    await page.waitForTimeout(300);
    expect(scripts.pending).toBe(0);
    await expect(trigger).not.toHaveAttribute("data-state");
  };

  test("a menu pressed before its code arrives opens when it does", async ({ page }) => {
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await slowScripts(page);
    await page.getByRole("button", { name: "Region: China (Hangzhou)" }).click();
    await expect(page.getByRole("menuitemradio", { name: /Germany \(Frankfurt\)/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toBeHidden();
    await expect(page.getByRole("button", { name: "Region: China (Hangzhou)" })).toBeFocused();
  });

  test("focus on a plain trigger stays on it as its menu's code arrives, and Enter opens it", async ({ page }) => {
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await slowScripts(page);
    const menu = userMenu(page, "admin");
    await menu.focus();
    await expect(menu).toHaveAttribute("data-state", "closed"); // Radix's own trigger, swapped in
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  });

  test("a button pressed as its tooltip's code arrives still gets its click", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await visit(page, `/change-tracking/${SEED.normal}`);
    const copy = page.getByRole("button", { name: "Copy public endpoint" });
    await pressAsCodeArrives(page, copy);
    await page.mouse.up();
    await expect(page.getByText("public endpoint copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^dts-cn-hangzhou\.aliyuncs\.com:\d+$/);
    // Swapped once the press had ended: Radix's trigger now, its tooltip shown.
    await expect(copy).toHaveAttribute("data-state", /open/);
  });

  test("a menu pressed as its code arrives stays the pressed button until the release, then opens", async ({ page }) => {
    await visit(page, `/change-tracking/${SEED.normal}/consume`);
    const more = page.getByRole("button", { name: /^More actions for / }).first();
    await pressAsCodeArrives(page, more);
    await page.mouse.up();
    // Swapped once the press had ended: Radix's trigger, its menu open, as the press asked.
    await expect(page.getByRole("menuitem", { name: "Reset Checkpoint" })).toBeVisible();
    await expect(more).toHaveAttribute("data-state", "open");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toBeHidden();
  });

  test.describe("on a touch screen", () => {
    test.use({ hasTouch: true });

    test("a tap on a row's More opens its menu, whether its code came before the tap or after", async ({ page }) => {
      await visit(page, `/change-tracking/${SEED.normal}/consume`);
      await slowScripts(page);
      const more = page.getByRole("button", { name: /^More actions for / });
      await more.first().tap(); // before the code: the menu comes with it
      await expect(page.getByRole("menuitem", { name: "Reset Checkpoint" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
      await more.nth(1).tap(); // the code is in: the next row's menu at once
      await expect(page.getByRole("menuitem", { name: "Reset Checkpoint" })).toBeVisible();
    });
  });

  test("the phone's menu sheet opens on a press made before its code arrives", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await slowScripts(page);
    await page.getByRole("button", { name: "Open navigation menu" }).click();
    await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Open navigation menu" })).toBeFocused();
  });
});
