import { expect, type Locator, type Page } from "@playwright/test";
import { visit } from "../hydration";
import { ChangePasswordDialog } from "./change-password-dialog";
import { CreateConsumerGroupDialog, type NewGroup } from "./create-consumer-group-dialog";
import { DeleteConsumerGroupDialog } from "./delete-consumer-group-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

/** The Data Consume page of an instance: the consumer group table, its quota and its dialogs. */
export class ConsumePage {
  readonly quota: Locator;
  readonly addButton: Locator;
  /** The focusable wrapper that explains why Add is unavailable (its tooltip's trigger). */
  readonly addUnavailable: Locator;
  readonly createDialog: CreateConsumerGroupDialog;

  constructor(readonly page: Page) {
    this.quota = page.getByTestId("quota");
    this.addButton = page.getByRole("button", { name: "Add Consumer Group" });
    this.addUnavailable = page.getByLabel(/^Add Consumer Group \(unavailable: /);
    this.createDialog = new CreateConsumerGroupDialog(page);
  }

  /** Opens the page and waits until it is interactive. */
  async open(instanceId: string): Promise<this> {
    await visit(this.page, `/change-tracking/${instanceId}/consume`);
    return this;
  }

  /** The table row of the group with exactly this name. */
  row(groupName: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByText(groupName, { exact: true }) });
  }

  groupId(groupName: string): Locator {
    return this.row(groupName).getByTestId("group-id");
  }

  messageDelay(groupName: string): Locator {
    return this.row(groupName).getByTestId("message-delay");
  }

  unconsumedData(groupName: string): Locator {
    return this.row(groupName).getByTestId("unconsumed-data");
  }

  async openCreateDialog(): Promise<CreateConsumerGroupDialog> {
    await this.addButton.click();
    await expect(this.createDialog.root).toBeVisible();
    return this.createDialog;
  }

  /** Creates a group through the dialog and returns its id, read from its new row. */
  async createGroup(values: NewGroup): Promise<string> {
    const dialog = await this.openCreateDialog();
    await dialog.createGroup(values);
    await expect(this.row(values.name)).toBeVisible();
    return (await this.groupId(values.name).textContent())!.trim();
  }

  async openChangePassword(groupName: string): Promise<ChangePasswordDialog> {
    await this.row(groupName).getByRole("button", { name: `Change Password ${groupName}`, exact: true }).click();
    const dialog = new ChangePasswordDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openResetPassword(groupName: string): Promise<ResetPasswordDialog> {
    await this.row(groupName).getByRole("button", { name: `Reset Password ${groupName}`, exact: true }).click();
    const dialog = new ResetPasswordDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openDelete(groupName: string): Promise<DeleteConsumerGroupDialog> {
    await this.row(groupName).getByRole("button", { name: `Delete ${groupName}`, exact: true }).click();
    const dialog = new DeleteConsumerGroupDialog(this.page, groupName);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
