// Every password field has Show/Hide (components/ui/password-input.tsx): the sign-in page, Change
// Password (the current password on its own; the new one and its confirmation together) and Reset
// Password (hidden while typed; Generate shows what it generated).
import { test, expect, storageStateOf, visit } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test("the sign-in password shows and hides", async ({ page }) => {
    await visit(page, "/login");
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("typed-secret");
    await expect(password).toHaveAttribute("type", "password");
    await page.getByRole("button", { name: "Show password" }).click();
    await expect(password).toHaveAttribute("type", "text");
    await expect(password).toHaveValue("typed-secret");
    await page.getByRole("button", { name: "Hide password" }).click();
    await expect(password).toHaveAttribute("type", "password");
  });
});

test.describe("operator", () => {
  test.use({ storageState: storageStateOf("operator") });
  test("Change Password: the current password alone, the new one with its confirmation", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const consume = await new ConsumePage(page).open(instance.id);
    const change = await consume.openChangePassword(instance.groups[0].name);
    const toggles = change.root.getByRole("button", { name: "Show password" });
    await expect(toggles).toHaveCount(3);
    for (const field of [change.current, change.newPassword, change.confirm]) await expect(field).toHaveAttribute("type", "password");
    await toggles.first().click();
    await expect(change.current).toHaveAttribute("type", "text");
    await expect(change.newPassword).toHaveAttribute("type", "password");
    await change.root.getByRole("button", { name: "Show password" }).last().click();
    await expect(change.newPassword).toHaveAttribute("type", "text");
    await expect(change.confirm).toHaveAttribute("type", "text");
    await expect(change.root.getByRole("button", { name: "Hide password" })).toHaveCount(3);
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateOf("admin") });
  test("Reset Password: hidden while typed, shown once generated, hidden again on request", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const consume = await new ConsumePage(page).open(instance.id);
    const reset = await consume.openResetPassword(instance.groups[0].name);
    await reset.newPassword.fill("Typed#Pass1");
    await expect(reset.newPassword).toHaveAttribute("type", "password");
    await expect(reset.confirm).toHaveAttribute("type", "password");
    await reset.generate.click();
    await expect(reset.newPassword).toHaveAttribute("type", "text");
    await expect(reset.confirm).toHaveAttribute("type", "text");
    await expect(reset.newPassword).not.toHaveValue("Typed#Pass1");
    await reset.root.getByRole("button", { name: "Hide password" }).first().click();
    await expect(reset.newPassword).toHaveAttribute("type", "password");
    await expect(reset.confirm).toHaveAttribute("type", "password");
  });
});
