import { test, expect, storageStateOf, visit } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// Monitoring and alerting of an instance (docs/rules.md "Alerts"): Configure on Basic Information,
// each bad value on its field, and the threshold colouring Data Consume's Message Delay.

test.describe("as an operator", () => {
  test.use({ storageState: storageStateOf("operator") });

  test("configures the latency alert, and Message Delay is coloured by its threshold", async ({ page, request, createInstance }) => {
    const instance = await createInstance({ groups: 1 });
    const [group] = instance.groups;
    const connect = await request.post("/api/consumer/connect", { data: { user: group.user, password: group.password } });
    expect(connect.status()).toBe(200);
    const { leaseToken } = (await connect.json()) as { leaseToken: string };
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

    await consume.open(instance.id);
    await expect(consume.messageDelay(group.name)).toHaveAttribute("data-level", "high");
    await request.post("/api/consumer/disconnect", { data: { groupId: group.id, leaseToken } });
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
});
