import { test, expect, storageStateOf, visit } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// Monitoring and alerting of an instance (docs/rules.md "Alerts"): Configure on Basic Information,
// each bad value on its field, and the threshold colouring Data Consume's Message Delay.

test.describe("as an operator", () => {
  test.use({ storageState: storageStateOf("operator") });

  test("configures the latency alert, and Message Delay is coloured by its threshold", async ({ page, db, request, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const [group] = instance.groups;
    const connect = await request.post("/api/consumer/connect", { data: { user: group.user, password: group.password } });
    expect(connect.status()).toBe(200);
    const { leaseToken } = (await connect.json()) as { leaseToken: string };
    // (The lease goes with the instance when the test ends.)
    const beat = await request.post("/api/consumer/heartbeat", {
      data: { groupId: group.id, leaseToken, checkpoint: new Date(Date.now() - 40_000).toISOString(), unconsumed: 5 },
    });
    expect(beat.status()).toBe(200);

    // About 40 s behind: under the default minute, nothing is marked.
    const consume = await new ConsumePage(page).open(instance.id);
    await expect(consume.messageDelay(group.name)).not.toHaveText("—");
    await expect(consume.messageDelay(group.name)).not.toHaveAttribute("data-level");

    await visit(page, `/change-tracking/${instance.id}`);
    const card = page.getByRole("region", { name: "Monitoring and Alerting" });
    await expect(card.getByTestId("alert-delay")).toHaveText("Off");
    await expect(card).toContainText("Never configured");
    await card.getByRole("button", { name: "Configure" }).click();
    const dialog = page.getByRole("dialog", { name: "Configure Monitoring and Alerting" });
    const latency = dialog.getByRole("group", { name: "Latency Alert" });
    await latency.getByRole("checkbox", { name: "Monitor" }).check();
    await dialog.getByLabel("Latency Alert Contacts").fill("1361234567");
    await dialog.getByRole("button", { name: "Save" }).click();
    // Each refusal on its own field; the dialog stays with what was typed.
    await expect(dialog.getByLabel("Threshold (seconds)")).toHaveAccessibleDescription(
      /Enter the threshold: the latency alert needs one\./,
    );
    await expect(dialog.getByLabel("Latency Alert Contacts")).toHaveAccessibleDescription(/mobile numbers of 11 digits/);
    await expect(dialog.getByLabel("Latency Alert Contacts")).toHaveValue("1361234567");
    await dialog.getByLabel("Threshold (seconds)").fill("30");
    await dialog.getByLabel("Latency Alert Contacts").fill("13612345678, 13712345678");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Monitoring and alerting of ${instance.id} saved.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId("alert-delay")).toHaveText("On: over 30 sec");
    await expect(card).toContainText("13612345678, 13712345678");
    await expect(card).toContainText("by operator");

    // The lease (30 s from the heartbeat) kept live however long the dialogs above took.
    await db.consumerLease.update({ where: { groupId: group.id }, data: { expiresAt: new Date(Date.now() + 600_000) } });
    await consume.open(instance.id);
    await expect(consume.messageDelay(group.name)).toHaveAttribute("data-level", "high");
  });
});

test.describe("a group's alert rule, as an operator", () => {
  test.use({ storageState: storageStateOf("operator") });

  test("is set in the details drawer's Alert rule tab, each refusal on its field", async ({ page, db, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const [group] = instance.groups;
    const consume = await new ConsumePage(page).open(instance.id);
    const drawer = await consume.openDetails(group.name);
    await drawer.root.getByRole("tab", { name: "Alert rule" }).click();
    const form = drawer.root.getByRole("form", { name: `Alert rule of ${group.name}` });
    await form.getByLabel("Delay over (seconds)").fill("0");
    await form.getByLabel("No consumer connected for (minutes)").fill("30");
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(form.getByLabel("Delay over (seconds)")).toHaveAccessibleDescription(/Enter whole seconds from 1 to 2,592,000/);
    await form.getByLabel("Delay over (seconds)").fill("120");
    await form.getByLabel("For at least (minutes)").fill("5");
    await form.getByRole("checkbox", { name: /^Stalled/ }).check();
    await form.getByRole("button", { name: "Save rule" }).click();
    await expect(page.getByText(`Alert rule of ${group.name} saved.`)).toBeVisible();
    const rule = await db.groupAlertRule.findUniqueOrThrow({ where: { groupId: group.id } });
    expect([rule.enabled, rule.delayOverSeconds, rule.delayForMinutes, rule.stalled, rule.disconnectedMinutes, rule.updatedBy]).toEqual([
      true,
      120,
      5,
      true,
      30,
      "operator",
    ]);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the alerts, with no Configure", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 0 });
    await visit(page, `/change-tracking/${instance.id}`);
    const card = page.getByRole("region", { name: "Monitoring and Alerting" });
    await expect(card.getByTestId("alert-error")).toHaveText("Off");
    await expect(card.getByRole("button")).toHaveCount(0);
  });

  test("sees a group's alert rule read-only, and no rule on where none is set", async ({ page, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const consume = await new ConsumePage(page).open(instance.id);
    const drawer = await consume.openDetails(instance.groups[0].name);
    await drawer.root.getByRole("tab", { name: "Alert rule" }).click();
    const form = drawer.root.getByRole("form", { name: `Alert rule of ${instance.groups[0].name}` });
    await expect(form.getByText("Operators and admins change alert rules.")).toBeVisible();
    const enabled = form.getByRole("checkbox", { name: "Rule on" });
    await expect(enabled).toBeDisabled();
    await expect(enabled).not.toBeChecked();
    await expect(form.getByRole("button", { name: "Save rule" })).toHaveCount(0);
  });
});
