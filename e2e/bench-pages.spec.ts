// The bench's floors (README "Benchmark"): a route, a blank page and the console's frame with
// nothing in it. They are pages like any other: behind the session check, showing nothing of their own.
import { test, expect, storageStateOf, visit, ANONYMOUS } from "./fixtures";

test.use({ storageState: storageStateOf("viewer") });

test("the bench's floors need a session", async ({ playwright, baseURL }) => {
  const anon = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS });
  try {
    for (const path of ["/bench/blank", "/bench/frame"]) {
      const res = await anon.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(307);
      expect(new URL(res.headers()["location"], baseURL).pathname, path).toBe("/login");
      expect(await res.text(), path).not.toContain("<");
    }
    expect((await anon.get("/api/bench/floor", { maxRedirects: 0 })).status()).toBe(401);
  } finally {
    await anon.dispose();
  }
});

test("a blank page is the root layout alone; the console's frame is the shell with an empty main", async ({ page }) => {
  await visit(page, "/bench/blank");
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("main")).toHaveCount(0);

  await visit(page, "/bench/frame");
  await expect(page.getByRole("navigation").first()).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("main")).toHaveText("");
});
