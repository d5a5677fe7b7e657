import { test, expect, storageStateOf, SEED } from "./fixtures";

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees consumer groups but cannot create one", async ({ page }) => {
    await page.goto(`/change-tracking/${SEED.empty}/consume`);
    await expect(page.getByRole("button", { name: "User menu" }).or(page.getByText("Viewer", { exact: true }))).toBeVisible();
    const add = page.getByRole("button", { name: "Add Consumer Group" });
    await expect(add).toBeDisabled();
    await page.getByLabel(/Add Consumer Group \(unavailable/).focus();
    await expect(page.getByRole("tooltip")).toContainText("viewer");
  });

  test("reads the consumer group API but gets no password or hash", async ({ page }) => {
    await page.goto("/change-tracking");
    const res = await page.request.get(`/api/instances/${SEED.normal}/consumer-groups`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/argon2|password/i);
    expect(JSON.parse(text).groups.length).toBeGreaterThan(0);
  });
});

test("the consumer group API refuses a visitor without a session", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.get(`/api/instances/${SEED.normal}/consumer-groups`);
  expect(res.status()).toBe(401);
  await api.dispose();
});
