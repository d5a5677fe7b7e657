import { test as setup, expect } from "@playwright/test";
import { signIn, storageStateOf, type Role } from "./fixtures";

for (const role of ["admin", "operator", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
