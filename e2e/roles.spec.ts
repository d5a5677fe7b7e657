import { test, expect, storageStateOf, userMenu } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.describe("viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("sees consumer groups but cannot create one", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const consume = await new ConsumePage(page).open(instance.id);
    await expect(userMenu(page, "viewer")).toBeVisible();
    await expect(consume.row(instance.groups[0].name)).toBeVisible();
    await expect(consume.addButton).toBeDisabled();
    await consume.addUnavailable.focus();
    await expect(page.getByRole("tooltip")).toContainText("Your role (viewer) can view consumer groups but not create them.");
    // Nor change, reset, move the checkpoint of or delete one: the row offers Details alone, no
    // dead buttons and no menu of disabled items.
    const name = instance.groups[0].name;
    await expect(consume.row(name).getByRole("button", { name: /Change Password|Delete|Reset|More/ })).toHaveCount(0);
    await expect(consume.row(name).getByRole("button", { name: `Details of ${name}`, exact: true })).toBeVisible();
    await expect(consume.more(name)).toHaveCount(0);
    await expect(consume.changePassword(name)).toHaveCount(0);
    await expect(consume.deleteButton(name)).toHaveCount(0);
  });

  test("reads the consumer group API but gets no password or hash", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 2 });
    const res = await page.request.get(`/api/instances/${instance.id}/consumer-groups`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/argon2|password/i);
    const body = JSON.parse(text) as { groups: { id: string; account: string }[] };
    expect(body.groups.map((g) => g.id).sort()).toEqual(instance.groups.map((g) => g.id).sort());
    expect(body.groups.map((g) => g.account).sort()).toEqual(instance.groups.map((g) => g.account).sort());
  });
});

test("the consumer group API refuses a visitor without a session", async ({ playwright, baseURL, createInstance }) => {
  const instance = await createInstance({ groups: 1 });
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.get(`/api/instances/${instance.id}/consumer-groups`);
  expect(res.status()).toBe(401);
  expect(await res.text()).not.toContain(instance.groups[0].id);
  await api.dispose();
});
