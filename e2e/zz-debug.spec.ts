import { test, expect, storageStateOf, visit } from "./fixtures";
test.use({ storageState: storageStateOf("admin") });
test("debug menu", async ({ page }) => {
  page.on("console", (m) => console.log("console:", m.text()));
  await visit(page, "/change-tracking?region=cn-hangzhou");
  await page.getByRole("button", { name: /^Region:/ }).click();
  await page.waitForTimeout(500);
  console.log(await page.evaluate(() => [...document.querySelectorAll("[data-radix-popper-content-wrapper], [data-radix-menu-content]")].map((e) => e.outerHTML.slice(0, 300)).join("\n") || "none"));
  console.log(await page.getByRole("button", { name: /^Region:/ }).getAttribute("aria-expanded"));
  await expect(page.getByRole("menu")).toBeVisible();
});
