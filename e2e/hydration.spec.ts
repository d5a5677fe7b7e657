import { test, expect, storageStateOf } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// The server's HTML before React runs (here: never). A control whose handler comes with hydration
// must not look ready before it: a click would do nothing, or worse, submit the form natively.
test.describe("before hydration", () => {
  test.use({ javaScriptEnabled: false });

  test("Sign in is disabled, so a native submit cannot put the password in the URL", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Username")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  });

  test.describe("operator", () => {
    test.use({ storageState: storageStateOf("operator") });
    test("Add Consumer Group is disabled until the dialog can open", async ({ page, createInstance }) => {
      const instance = await createInstance();
      await page.goto(`/change-tracking/${instance.id}/consume`);
      const consume = new ConsumePage(page);
      await expect(consume.quota).toHaveText("0 / 20");
      await expect(consume.addButton).toBeDisabled();
      // Not one of the reasons it stays disabled after hydration.
      await expect(consume.addUnavailable).toHaveCount(0);
    });
  });
});
