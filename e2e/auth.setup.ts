import { test as setup, expect, signIn, storageStateOf, userMenu, type Role } from "./fixtures";

for (const role of ["admin", "operator", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
    await expect(userMenu(page, role)).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
