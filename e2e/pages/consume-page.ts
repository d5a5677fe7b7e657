import { expect, type Locator, type Page } from "@playwright/test";
import { visit } from "../hydration";
import { ChangePasswordDialog } from "./change-password-dialog";
import { CreateConsumerGroupDialog, type NewGroup } from "./create-consumer-group-dialog";
import { DeleteConsumerGroupDialog } from "./delete-consumer-group-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";

/** The details drawer of one consumer group. */
export class GroupDetailsDrawer {
  readonly root: Locator;
  readonly saslUser: Locator;
  readonly state: Locator;
  readonly client: Locator;
  readonly delayChart: Locator;
  readonly unconsumedChart: Locator;

  constructor(page: Page, groupName: string) {
    this.root = page.getByRole("dialog", { name: groupName, exact: true });
    this.saslUser = this.root.getByTestId("details-sasl-user");
    this.state = this.root.getByTestId("details-state");
    this.client = this.root.getByTestId("details-client");
    this.delayChart = this.root.getByTestId("trend-message-delay");
    this.unconsumedChart = this.root.getByTestId("trend-unconsumed-data");
  }
}

/** The Data Consume page of an instance: the consumer group table, its quota, toolbar and dialogs. */
export class ConsumePage {
  readonly quota: Locator;
  readonly addButton: Locator;
  /** The focusable stand-in that explains why Create is unavailable (its tooltip's trigger). */
  readonly addUnavailable: Locator;
  readonly createDialog: CreateConsumerGroupDialog;
  readonly search: Locator;
  readonly refresh: Locator;
  readonly autoRefresh: Locator;
  readonly refreshStatus: Locator;
  /** The scrolling region around the table. */
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.quota = page.getByTestId("quota");
    this.addButton = page.getByRole("button", { name: "Add Consumer Group" });
    this.addUnavailable = page.getByLabel(/^Add Consumer Group \(unavailable: /);
    this.createDialog = new CreateConsumerGroupDialog(page);
    this.search = page.getByLabel("Search by name, ID or account");
    this.refresh = page.getByRole("button", { name: "Refresh", exact: true });
    this.autoRefresh = page.getByLabel("Auto-refresh");
    this.refreshStatus = page.getByTestId("refresh-status");
    this.table = page.getByRole("region", { name: "Consumer groups table" });
  }

  /** Opens the page and waits until it is interactive. */
  async open(instanceId: string, query = ""): Promise<this> {
    await visit(this.page, `/change-tracking/${instanceId}/consume${query}`);
    return this;
  }

  /** The table row of the group with exactly this name. */
  row(groupName: string): Locator {
    return this.page.getByRole("row").filter({ has: this.page.getByText(groupName, { exact: true }) });
  }

  /** The group names in the order the table shows them. */
  async names(): Promise<string[]> {
    return this.table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.querySelector("td:first-child .dt-sub")?.textContent?.trim() ?? ""));
  }

  groupId(groupName: string): Locator {
    return this.row(groupName).getByTestId("group-id");
  }

  state(groupName: string): Locator {
    return this.row(groupName).getByTestId("group-state");
  }

  messageDelay(groupName: string): Locator {
    return this.row(groupName).getByTestId("message-delay");
  }

  unconsumedData(groupName: string): Locator {
    return this.row(groupName).getByTestId("unconsumed-data");
  }

  more(groupName: string): Locator {
    return this.row(groupName).getByRole("button", { name: `More actions for ${groupName}`, exact: true });
  }

  /** Opens a row's More menu and returns it. */
  async openMore(groupName: string): Promise<Locator> {
    await this.more(groupName).click();
    const menu = this.page.getByRole("menu");
    await expect(menu).toBeVisible();
    return menu;
  }

  async openDetails(groupName: string): Promise<GroupDetailsDrawer> {
    await this.row(groupName)
      .getByRole("button", { name: `Details of ${groupName}`, exact: true })
      .click();
    const drawer = new GroupDetailsDrawer(this.page, groupName);
    await expect(drawer.root).toBeVisible();
    return drawer;
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

  /** The row's inline Change Password button (DTS shows it in the Actions column). */
  changePassword(groupName: string): Locator {
    return this.row(groupName).getByRole("button", { name: `Change Password of ${groupName}`, exact: true });
  }

  /** The row's inline Delete button. */
  deleteButton(groupName: string): Locator {
    return this.row(groupName).getByRole("button", { name: `Delete ${groupName}`, exact: true });
  }

  private async choose(groupName: string, item: string): Promise<void> {
    const menu = await this.openMore(groupName);
    await menu.getByRole("menuitem", { name: item, exact: true }).click();
  }

  async openChangePassword(groupName: string): Promise<ChangePasswordDialog> {
    await this.changePassword(groupName).click();
    const dialog = new ChangePasswordDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openResetPassword(groupName: string): Promise<ResetPasswordDialog> {
    await this.choose(groupName, "Reset Password");
    const dialog = new ResetPasswordDialog(this.page);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }

  async openDelete(groupName: string): Promise<DeleteConsumerGroupDialog> {
    await this.deleteButton(groupName).click();
    const dialog = new DeleteConsumerGroupDialog(this.page, groupName);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
