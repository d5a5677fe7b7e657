import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, storageStateOf, visit, SEED } from "../fixtures";
import { message } from "../i18n";

// `npm run screenshots`, never `npm test`: the README's pictures of the console in Chinese. The
// language comes from the browser (Accept-Language zh-CN) and the cookie, so the shared demo users'
// own choice is never changed; fonts-noto-cjk draws the glyphs.
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

test.describe("Chinese", () => {
  test.use({ storageState: storageStateOf("admin"), locale: "zh-CN" });

  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  });

  test("the task list and the region menu", async ({ page }) => {
    await visit(page, "/change-tracking?region=cn-hangzhou");
    await expect(page.getByRole("heading", { name: message("zh-CN", "tasks.title") })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("zh-task-list.png") });
    await page.getByRole("button", { name: /^地域：/ }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("zh-region-menu.png") });
  });

  test("Data Consume with the Add dialog", async ({ page }) => {
    await visit(page, `/change-tracking/${SEED.normal}/consume`);
    await page.getByRole("button", { name: message("zh-CN", "consume.create.button") }).click();
    const dialog = page.getByRole("dialog", { name: message("zh-CN", "consume.create.title") });
    await dialog.getByRole("button", { name: message("zh-CN", "consume.create.submit"), exact: true }).click();
    await expect(dialog.getByText(message("zh-CN", "validation.name.required"))).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("zh-data-consume.png") });
  });

  test("the instance and the audit log", async ({ page }) => {
    await visit(page, `/change-tracking/${SEED.normal}`);
    await settle(page);
    await page.screenshot({ path: docs("zh-instance.png") });
    await visit(page, "/audit");
    await settle(page);
    await page.screenshot({ path: docs("zh-audit-log.png") });
  });
});
