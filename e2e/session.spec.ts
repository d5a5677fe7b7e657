import { test, expect, signIn, visit, DEMO_PASSWORD, ANONYMOUS } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// A session that ends while a page is open (expired, revoked, cookies gone): polling stops, the
// actions are disabled, and "Sign in again" comes back to the same page.

test("a lapsed session stops polling, disables actions and signs in again back to the same page", async ({
  newContext,
  createInstance,
}) => {
  const instance = await createInstance({ groups: 1 });
  const group = instance.groups[0];
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, "operator");
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  const consume = await new ConsumePage(page).open(instance.id, "?sort=name_asc");
  await expect(consume.addButton).toBeEnabled();

  // A dialog open while the session ends: its submit is refused, and it says why.
  const dialog = await consume.openCreateDialog();
  await dialog.fill({ name: "late-group", account: "late", password: "Late#Pass1" });
  await context.clearCookies();
  await dialog.create.click();
  await expect(dialog.root.getByRole("alert").filter({ hasText: "Your session has ended" })).toBeVisible();
  await expect(dialog.create).toBeDisabled();
  await page.keyboard.press("Escape");

  const banner = page.getByRole("main").getByRole("alert").filter({ hasText: "Your session has ended." });
  await expect(banner).toBeVisible();
  await expect(consume.addUnavailable).toBeVisible();
  await expect(consume.more(group.name)).toBeDisabled();
  await expect(consume.refresh).toBeDisabled();
  await expect(consume.refreshStatus).toHaveText("Session ended: not refreshing.");
  // Polling has stopped: nothing asks the server for the groups any more.
  let polls = 0;
  page.on("request", (r) => {
    if (r.url().includes("/consumer-groups")) polls++;
  });
  await page.waitForTimeout(6_000);
  expect(polls).toBe(0);

  await banner.getByRole("link", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/login\?reason=expired/);
  await expect(page.getByText("Your session has expired")).toBeVisible();
  await page.getByLabel("Username").fill("operator");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${instance.id}/consume\\?sort=name_asc$`));
  await expect(consume.row(group.name)).toBeVisible();
  await expect(consume.addButton).toBeEnabled();
});

test("the task list notices a lapsed session on refresh", async ({ newContext }) => {
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await visit(page, "/change-tracking?region=cn-hangzhou&status=Normal");
  await context.clearCookies();
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  const banner = page.getByRole("main").getByRole("alert").filter({ hasText: "Your session has ended." });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    `/login?reason=expired&callbackUrl=${encodeURIComponent("/change-tracking?region=cn-hangzhou&status=Normal")}`,
  );
  await expect(page.getByLabel("Auto-refresh")).toBeDisabled();
});
