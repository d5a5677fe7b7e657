import { test, expect, storageStateOf, visit, SEED } from "./fixtures";

// The Alerts page (docs/rules.md "Alert delivery"): the history for every role, one instance's
// from its Basic Information, and the admins' webhook channels: a private URL refused on its
// field, the secret shown once, a test that cannot be delivered shown failing, deletion.

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the alert history, one instance's from its page, and sees no channels", async ({ page, db, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const [group] = instance.groups;
    // The latency alert on, so the server's evaluator keeps the open alert below open (it stays
    // open while no consumer says the group caught up) instead of resolving it as unconfigured.
    await db.instanceAlert.create({
      data: { instanceId: instance.id, delayAlert: true, delayOverSeconds: 300, errorAlert: false, updatedBy: "admin" },
    });
    await db.alertEvent.create({
      data: {
        instanceId: instance.id,
        groupId: group.id,
        rule: "delay",
        value: 900,
        threshold: 300,
        firedAt: new Date(Date.now() - 120_000),
      },
    });
    await db.alertEvent.create({
      data: {
        instanceId: instance.id,
        rule: "status",
        value: 0,
        threshold: 0,
        detail: "Abnormal",
        firedAt: new Date(Date.now() - 600_000),
        resolvedAt: new Date(),
      },
    });
    await visit(page, `/change-tracking/${instance.id}`);
    await page.getByRole("region", { name: "Monitoring and Alerting" }).getByRole("link", { name: "Alert history" }).click();
    await expect(page).toHaveURL(new RegExp(`/alerts\\?instance=${instance.id}$`));
    const rows = page.getByTestId("alert-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByTestId("alert-resolved")).toHaveText("Firing");
    await expect(rows.nth(0).getByTestId("alert-value")).toHaveText("15 min over 5 min");
    await expect(rows.nth(0)).toContainText(group.name);
    await expect(rows.nth(1).getByTestId("alert-value")).toHaveText("Abnormal");
    await expect(page.getByRole("heading", { name: "Notification Channels" })).toHaveCount(0);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("adds a webhook, sees its secret once, tests it, and deletes it", async ({ page, db, unique }) => {
    test.setTimeout(60_000);
    const name = unique("hook").slice(0, 60);
    await visit(page, `/alerts?instance=${SEED.normal}`);
    await page.getByRole("button", { name: "Add Channel" }).click();
    const dialog = page.getByRole("dialog", { name: "Add Channel" });
    // This server has no SMTP settings: e-mail is offered, and says why it cannot be chosen.
    await expect(dialog.getByRole("option", { name: "E-mail (SMTP not set up)" })).toBeDisabled();
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Webhook URL").fill("http://169.254.169.254/latest/meta-data/");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByLabel("Webhook URL")).toHaveAccessibleDescription(/private, loopback, link-local or reserved address/);
    await expect(dialog.getByLabel("Name")).toHaveValue(name);

    // A public address (this machine has no route to it: the test cannot be delivered).
    await dialog.getByLabel("Webhook URL").fill("http://8.8.8.8:9/dts/alerts/token-abcdef");
    await dialog.getByLabel("Type").selectOption("slack");
    await dialog.getByRole("button", { name: "Create" }).click();
    const created = page.getByRole("dialog", { name: "Webhook added" });
    const secret = (await created.getByTestId("channel-secret").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    const stored = await db.notificationChannel.findUniqueOrThrow({ where: { name } });
    expect(stored.secretEncrypted ?? "").not.toContain(secret);
    expect(stored.secretEncrypted).toBeTruthy();
    await created.getByRole("button", { name: "Done" }).click();

    const row = page.getByTestId("channel-row").filter({ hasText: name });
    await expect(row).toContainText("http://8.8.8.8:9/…cdef");
    await expect(row).toContainText("Slack-compatible");
    await expect(row.getByTestId("channel-state")).toHaveText("Not used yet");
    await expect(page.getByText(secret)).toHaveCount(0);

    await row.getByRole("button", { name: `Send a test message to ${name}` }).click();
    await expect(page.getByText(new RegExp(`Test message to ${name} failed`))).toBeVisible({ timeout: 15_000 });
    // Another test's alert, fired meanwhile, goes to every enabled channel and may fail here too:
    // the row counts this channel's failures, the test message's own record says what it did.
    await expect(row.getByTestId("channel-state")).toContainText(/\d+ failures? in a row/);
    const testMessage = await db.notificationDelivery.findFirstOrThrow({ where: { channel: { name }, transition: "test" } });
    expect(testMessage.status).toBe("failed");

    await row.getByRole("button", { name: `Delete ${name}` }).click();
    await page.getByRole("dialog", { name: "Delete Notification Channel" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(`Channel ${name} deleted.`)).toBeVisible();
    await expect(row).toHaveCount(0);
    expect(await db.notificationChannel.count({ where: { name } })).toBe(0);
  });
});
