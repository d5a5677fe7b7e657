// A checkpoint reset previews what it does (lib/consumer/checkpoint-preview.ts): the span replayed
// or skipped and the records, estimated from the history this test records; and "the same
// checkpoint as" another group of the instance.
import { test, expect, storageStateOf, addHistory } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("operator") });

test("the preview's figures come from the group's history; the same checkpoint as another group", async ({ page, db, createInstance }) => {
  const instance = await createInstance({ groups: 2 });
  const [moving, other] = instance.groups;
  const { dataBeginAt } = await db.instance.findUniqueOrThrow({ where: { id: instance.id }, select: { dataBeginAt: true } });
  const at = (secondsAfterBegin: number) => new Date(dataBeginAt!.getTime() + secondsAfterBegin * 1000);
  // 50 minutes into the hour of data; the other group 20 minutes in. The range ends at 60.
  await db.consumerGroup.update({ where: { id: moving.id }, data: { checkpointAt: at(3000) } });
  await db.consumerGroup.update({ where: { id: other.id }, data: { checkpointAt: at(1200) } });
  // 600 records behind 40 seconds of delay: 15 records a second of data.
  await addHistory(db, moving.id, [
    { secondsAgo: 120, delay: 10, unconsumed: 200 },
    { secondsAgo: 60, delay: 30, unconsumed: 400 },
  ]);

  const consume = await new ConsumePage(page).open(instance.id);
  await (await consume.openMore(moving.name)).getByRole("menuitem", { name: "Reset Checkpoint", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the checkpoint of ${moving.name}` });
  const preview = dialog.getByTestId("checkpoint-preview");
  // The earliest data: back 50 minutes.
  await expect(preview).toHaveText(/Replays 50 min of data that was already consumed, about 45,000 records\./);
  // The latest: forward 10 minutes.
  await dialog.getByLabel(/The latest data/).check();
  await expect(preview).toHaveText(/Skips 10 min of data that is not consumed yet, about 9,000 records\./);
  // Where the other group stands: back 30 minutes.
  await dialog.getByLabel("The same checkpoint as another group").check();
  const select = dialog.getByLabel("Consumer group");
  await expect(select.locator("option", { hasText: other.name })).toHaveCount(1);
  await select.selectOption(other.id);
  await expect(preview).toHaveText(/Replays 30 min of data that was already consumed, about 27,000 records\./);
  await dialog.getByRole("button", { name: "Reset Checkpoint" }).click();
  await expect(dialog).toBeHidden();
  const moved = await db.consumerGroup.findUniqueOrThrow({ where: { id: moving.id }, select: { checkpointAt: true } });
  expect(moved.checkpointAt?.toISOString()).toBe(at(1200).toISOString());
});

test("a refused checkpoint lands on the field the choice showed, and nothing is lost", async ({ page, db, createInstance }) => {
  const instance = await createInstance({ groups: 2 });
  const [moving, other] = instance.groups;
  const { dataBeginAt } = await db.instance.findUniqueOrThrow({ where: { id: instance.id }, select: { dataBeginAt: true } });
  // The other group stands 10 minutes before the data the instance still holds: the server refuses
  // it as a time (its field "time"), which this choice showed as "Consumer group".
  await db.consumerGroup.update({ where: { id: other.id }, data: { checkpointAt: new Date(dataBeginAt!.getTime() - 600_000) } });

  const consume = await new ConsumePage(page).open(instance.id);
  await (await consume.openMore(moving.name)).getByRole("menuitem", { name: "Reset Checkpoint", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the checkpoint of ${moving.name}` });
  await dialog.getByLabel("The same checkpoint as another group").check();
  const select = dialog.getByLabel("Consumer group");
  await select.selectOption(other.id);
  await dialog.getByRole("button", { name: "Reset Checkpoint" }).click();
  await expect(select).toHaveAttribute("aria-invalid", "true");
  await expect(select).toHaveAccessibleDescription(/within the instance's data range/);
  await expect(select).toHaveValue(other.id);
  await expect(dialog.getByLabel("The same checkpoint as another group")).toBeChecked();
  const kept = await db.consumerGroup.findUniqueOrThrow({ where: { id: moving.id }, select: { startCheckpointAt: true } });
  expect(kept.startCheckpointAt).toBeNull();
});
