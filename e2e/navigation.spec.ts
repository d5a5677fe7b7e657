// A route change shows progress at once (components/shell/route-progress.tsx): the frame and the
// old page stay, a bar runs under the top bar and the main region is busy until the new page is in.
import { test, expect, storageStateOf, visit } from "./fixtures";

test.use({ storageState: storageStateOf("admin") });

test("a route change shows progress until the page arrives", async ({ page }) => {
  await visit(page, "/change-tracking");
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  // Hold the navigation's own request (not prefetches) so the in-between state can be seen.
  await page.route(
    (url) => url.pathname === "/audit",
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers["next-router-prefetch"]) {
        held = true;
        await gate;
      }
      await route.continue();
    },
  );
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit Log" }).click();
  const progress = page.getByRole("progressbar", { name: "Loading…" });
  await expect(progress).toBeVisible();
  await expect(page.locator("main")).toHaveAttribute("aria-busy", "true");
  expect(held).toBe(true);
  release();
  await expect(page.getByRole("heading", { name: "Audit Log", level: 1 })).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.locator("main")).not.toHaveAttribute("aria-busy", "true");
});

// Links do not prefetch (components/ui/link.tsx): every console route is dynamic, so a prefetch
// cost the server a render per visible link and gave the click nothing (README "Benchmark").
test("a page view asks the server for that page alone: no link prefetches", async ({ page }) => {
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });
  // The task list (about thirty links in view), then a task's Data Consume (the nav and the tabs).
  await visit(page, "/change-tracking");
  await expect(page.getByTestId("task-row").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  const consume = await page
    .getByRole("link", { name: /^Data Consume of / })
    .first()
    .getAttribute("href");
  await visit(page, consume!);
  await expect(page.getByTestId("group-id").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
});
