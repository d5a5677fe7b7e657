import type { Page } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "../lib/db/connect";
import { test, expect, visit, reload, signIn, ANONYMOUS, DEMO_PASSWORD, TEST_REGION } from "./fixtures";
import { message, zh } from "./i18n";

// docs/rules.md "Languages": the whole flow in Chinese, the choice kept across reloads, sign-outs
// and new sign-ins, the first visit following Accept-Language, and the same spot checks in English.
// Each test signs in as a user of its own: a language chosen by a shared demo user would change
// the pages of every other test.

async function newUser(db: Db, name: string, role: "admin" | "operator" | "viewer") {
  const username = name.replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 60);
  await db.user.create({ data: { id: `u-${username}`, username, passwordHash: await hashPassword(DEMO_PASSWORD), role } });
  return username;
}

const switchTo = async (page: Page, language: "中文" | "English") => {
  const choice = page.getByTestId("language-switch").getByRole("button", { name: language });
  await choice.click();
  // Switched when the page's refresh is done: the choice is pressed and the switch takes clicks again.
  await expect(choice).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("language-switch").getByRole("button", { name: language === "中文" ? "English" : "中文" })).toBeEnabled();
};

test("the whole flow in Chinese: switch, region menu, tasks, the Add dialog's refusals, create, change, reset, delete, audit log", async ({
  db,
  unique,
  newContext,
  createInstance,
}) => {
  const username = await newUser(db, unique("zh"), "admin");
  const instance = await createInstance({ name: unique("订阅任务") });
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, username);
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The switch: the page re-renders in Chinese, <html lang> follows.
  await switchTo(page, "中文");
  await expect(page.getByRole("heading", { name: zh("Change Tracking Tasks") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("navigation").getByRole("link", { name: "数据订阅" }).first()).toBeVisible();

  // The region menu names regions as the Chinese DTS console does; picking one lists its tasks.
  await page.getByRole("button", { name: /^地域：/ }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByText("华东1（杭州）")).toBeVisible();
  await expect(menu.getByText("亚太", { exact: true })).toBeVisible();
  await menu.getByRole("menuitemradio", { name: /西南1（成都）/ }).click();
  await expect(page).toHaveURL(new RegExp(`region=${TEST_REGION.id}`));
  await expect(page.getByRole("button", { name: "地域：西南1（成都）" })).toBeVisible();

  // The task list: headers, status and billing in Chinese; the task's own name as it was written.
  await page.getByLabel(zh("Search by instance ID or name")).fill(instance.id);
  await page.getByRole("button", { name: zh("Search"), exact: true }).click();
  const table = page.getByRole("table");
  await expect(table.getByRole("columnheader", { name: zh("Instance ID/Name") })).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: instance.id });
  await expect(row.getByText("正常", { exact: true })).toBeVisible();
  await expect(row.getByText(instance.name)).toBeVisible();

  // Data Consume and the Add dialog: every refusal on its field, in Chinese.
  await row.getByRole("link", { name: zh("Data Consume of {id}", { id: instance.id }) }).click();
  await expect(page.getByRole("heading", { name: zh("Consumer Groups") })).toBeVisible();
  await page.getByRole("button", { name: zh("Add Consumer Group") }).click();
  const dialog = page.getByRole("dialog", { name: zh("Create Consumer Group") });
  const nameField = dialog.getByLabel(zh("Consumer Group Name"));
  const account = dialog.getByLabel(zh("Account"));
  const password = dialog.getByLabel(message("zh-CN", "consume.create.password"), { exact: true });
  const confirm = dialog.getByLabel(zh("Confirm Password"));
  const create = dialog.getByRole("button", { name: zh("Create"), exact: true });
  await create.click();
  await expect(dialog.getByText(zh("Enter a consumer group name."), { exact: true })).toBeVisible();
  await expect(dialog.getByText(zh("Enter an account."), { exact: true })).toBeVisible();
  await expect(dialog.getByText(zh("Enter a password."), { exact: true })).toBeVisible();
  await nameField.fill(unique("消费组"));
  await account.fill("bad account!");
  await password.fill("short");
  await confirm.fill("other");
  await expect(dialog.getByText(zh("The account can contain only letters, digits and underscores (_)."), { exact: true })).toBeVisible();
  await expect(dialog.getByText(zh("The password must be at least {passwordMin} characters long."), { exact: true })).toBeVisible();
  await account.fill("zh_reader");
  await password.fill("alllowercase");
  await expect(
    dialog.getByText(zh("Use at least two of: uppercase letters, lowercase letters, digits, special characters."), { exact: true }),
  ).toBeVisible();
  await password.fill("Zh#Pass2026");
  await confirm.fill("Zh#Pass2027");
  await expect(dialog.getByText(zh("The passwords do not match."), { exact: true })).toBeVisible();

  // A refusal only the server can make (a taken name), worded by the server in Chinese.
  const taken = unique("taken");
  const first = await db.consumerGroup.count({ where: { instanceId: instance.id } });
  expect(first).toBe(0);
  await nameField.fill(taken);
  await confirm.fill("Zh#Pass2026");
  await create.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(zh("Consumer group {name} created", { name: taken }))).toBeVisible();
  await page
    .getByRole("dialog", { name: zh("Consumer group created") })
    .getByRole("button", { name: zh("Done") })
    .click();
  await page.getByRole("button", { name: zh("Add Consumer Group") }).click();
  await nameField.fill(taken);
  await account.fill("zh_reader");
  await password.fill("Zh#Pass2026");
  await confirm.fill("Zh#Pass2026");
  await create.click();
  await expect(dialog.getByText(zh("A consumer group with this name already exists in this instance.")).first()).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  // Nothing typed is lost.
  await expect(account).toHaveValue("zh_reader");

  // Create under another name.
  const name = unique("中文组");
  await nameField.fill(name);
  await create.click();
  // The dialog becomes the group's connect guide, in Chinese around code that stays as it is.
  const created = page.getByRole("dialog", { name: zh("Consumer group created") });
  await expect(created.getByTestId("connect-snippet")).toContainText("security.protocol=SASL_PLAINTEXT");
  await created.getByRole("button", { name: zh("Done") }).click();
  await expect(dialog).toBeHidden();
  const groupRow = page.getByRole("row").filter({ has: page.getByText(name, { exact: true }) });
  await expect(groupRow).toBeVisible();
  await expect(page.getByTestId("quota")).toHaveText("2 / 20");

  // Change password: a wrong current one is refused in Chinese, the right one changes it.
  const more = () => groupRow.getByRole("button", { name: zh("More actions for {name}", { name }) }).click();
  await groupRow.getByRole("button", { name: zh("Change Password of {name}", { name }) }).click();
  const change = page.getByRole("dialog", { name: zh("Change Password") });
  await change.getByLabel(zh("Current Password")).fill("Wrong#Pass1");
  await change.getByLabel(message("zh-CN", "consume.changePassword.new")).fill("Zh#Second1");
  await change.getByLabel(message("zh-CN", "consume.changePassword.confirm")).fill("Zh#Second1");
  await change.getByRole("button", { name: zh("Change Password") }).click();
  await expect(change.getByText(zh("The current password is incorrect."), { exact: true })).toBeVisible();
  await change.getByLabel(zh("Current Password")).fill("Zh#Pass2026");
  await change.getByRole("button", { name: zh("Change Password") }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText(zh("Password of {name} changed", { name }))).toBeVisible();

  // Reset: generate, save, shown once.
  await more();
  await page.getByRole("menuitem", { name: zh("Reset Password") }).click();
  const reset = page.getByRole("dialog", { name: zh("Reset Password") });
  await reset.getByRole("button", { name: zh("Generate") }).click();
  await reset.getByRole("button", { name: zh("Reset Password") }).click();
  const shown = page.getByRole("dialog", { name: zh("Password Reset") });
  await expect(shown.getByTestId("new-password")).toHaveText(/^.{20}$/);
  await shown.getByRole("button", { name: zh("Done") }).click();
  await expect(shown).toBeHidden();

  // Delete, confirmed in a dialog that names the group.
  await groupRow.getByRole("button", { name: zh("Delete {name}", { name }) }).click();
  const remove = page.getByRole("dialog", { name: zh("Delete consumer group {name}?", { name }) });
  await remove.getByRole("button", { name: message("zh-CN", "consume.delete.submit") }).click();
  await expect(groupRow).toHaveCount(0);
  await expect(page.getByText(zh("Consumer group {name} deleted", { name }))).toBeVisible();

  // The audit log: actions in Chinese words, codes as they are.
  await visit(page, `/audit?instance=${instance.id}`);
  const audit = page.getByRole("table");
  for (const action of ["createConsumerGroup", "changeConsumerGroupPassword", "resetConsumerGroupPassword", "deleteConsumerGroup"]) {
    await expect(audit.locator(`[data-testid=audit-row][data-action=${action}]`).first()).toContainText(
      message("zh-CN", `audit.actions.${action}`),
    );
  }
  await expect(audit.locator("[data-testid=audit-row][data-action=createConsumerGroup]").first().locator("td").nth(1)).toContainText(
    message("zh-CN", "common.roles.admin"),
  );
  await expect(audit.getByText("ConsumerGroup.AlreadyExists").first()).toBeVisible();
  await expect(audit.getByText("InvalidParameter.Password").first()).toBeVisible();
});

test("the choice survives a reload, signing out and a new sign-in elsewhere; English comes back the same way", async ({
  db,
  unique,
  newContext,
}) => {
  const username = await newUser(db, unique("lang"), "viewer");
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, username);
  // Signed in (the sign-in page has a switch too, which only sets the cookie).
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await switchTo(page, "中文");
  await expect(page.getByRole("heading", { name: "数据订阅任务" })).toBeVisible();
  await reload(page);
  await expect(page.getByRole("heading", { name: "数据订阅任务" })).toBeVisible();
  expect((await db.user.findUnique({ where: { username }, select: { locale: true } }))?.locale).toBe("zh-CN");
  expect(await db.auditLog.count({ where: { username, action: "changeLanguage", result: "ok" } })).toBe(1);

  // Another browser, English by its Accept-Language: after sign-in the user's choice wins.
  const elsewhere = await newContext({ storageState: ANONYMOUS, locale: "en-US" });
  const other = await elsewhere.newPage();
  await visit(other, "/login");
  await expect(other.getByRole("heading", { name: "Sign in to DTS Console" })).toBeVisible();
  await signIn(other, username);
  await expect(other.getByRole("heading", { name: "数据订阅任务" })).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Signing out keeps the language for the sign-in page (the cookie).
  await page
    .getByRole("banner")
    .getByRole("button", { name: new RegExp(`^${username} `) })
    .click();
  await page.getByRole("menuitem", { name: message("zh-CN", "shell.userMenu.signOut") }).click();
  await expect(page.getByRole("heading", { name: message("zh-CN", "auth.login.title") })).toBeVisible();

  // English again, from the top bar: stored on the user too.
  await switchTo(other, "English");
  await expect(other.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  expect((await db.user.findUnique({ where: { username }, select: { locale: true } }))?.locale).toBe("en");
  await reload(other);
  await expect(other.getByRole("button", { name: /^Region: / })).toBeVisible();
  await expect(other.getByRole("table").getByRole("columnheader", { name: "Instance ID/Name" })).toBeVisible();
});

test("a first visit follows Accept-Language; the sign-in page switches by cookie; errors stay in the chosen language", async ({
  newContext,
  request,
}) => {
  const chinese = await newContext({ storageState: ANONYMOUS, locale: "zh-CN" });
  const page = await chinese.newPage();
  await visit(page, "/login");
  await expect(page.getByRole("heading", { name: message("zh-CN", "auth.login.title") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByLabel(message("zh-CN", "auth.form.username")).fill("nobody");
  await page.getByLabel(message("zh-CN", "auth.form.password"), { exact: true }).fill("Wrong#Pass1");
  await page.getByRole("button", { name: message("zh-CN", "auth.form.signIn"), exact: true }).click();
  await expect(page.getByText(message("zh-CN", "auth.form.incorrect"))).toBeVisible();
  await switchTo(page, "English");
  await expect(page.getByRole("heading", { name: "Sign in to DTS Console" })).toBeVisible();
  await reload(page);
  await expect(page.getByRole("heading", { name: "Sign in to DTS Console" })).toBeVisible();

  // The consumer endpoint: the same code in both languages, the words by Accept-Language.
  const body = { user: "nobody-dtsnothere1", password: "Wrong#Pass1" };
  const en = await request.post("/api/consumer/connect", { data: body, headers: { "Accept-Language": "en" } });
  const cn = await request.post("/api/consumer/connect", { data: body, headers: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  expect(en.status()).toBe(401);
  expect(cn.status()).toBe(401);
  const enBody = (await en.json()) as { code: string; message: string };
  const cnBody = (await cn.json()) as { code: string; message: string };
  expect(cnBody.code).toBe(enBody.code);
  expect(cnBody.message).toMatch(/[\u4e00-\u9fff]/);
  expect(enBody.message).not.toMatch(/[\u4e00-\u9fff]/);
});
