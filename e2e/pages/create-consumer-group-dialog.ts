import { expect, type Locator, type Page } from "@playwright/test";

export interface NewGroup {
  name: string;
  account: string;
  password: string;
  /** The Confirm Password field; the password unless a test wants them to differ. */
  confirm?: string;
}

/** The Create Consumer Group dialog of the Data Consume page. */
export class CreateConsumerGroupDialog {
  readonly root: Locator;
  /** What the dialog becomes once the group is created: its connect guide. */
  readonly created: Locator;
  readonly name: Locator;
  readonly account: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly create: Locator;
  /** The form's message for a refusal that belongs to no single field. */
  readonly alert: Locator;

  constructor(page: Page) {
    this.root = page.getByRole("dialog", { name: "Create Consumer Group" });
    this.created = page.getByRole("dialog", { name: "Consumer group created" });
    this.name = this.root.getByLabel("Consumer Group Name");
    this.account = this.root.getByLabel("Account");
    this.password = this.root.getByLabel("Password", { exact: true });
    this.confirm = this.root.getByLabel("Confirm Password");
    this.create = this.root.getByRole("button", { name: "Create" });
    this.alert = this.root.getByRole("alert");
  }

  async fill(values: NewGroup): Promise<void> {
    await this.name.fill(values.name);
    await this.account.fill(values.account);
    await this.password.fill(values.password);
    await this.confirm.fill(values.confirm ?? values.password);
  }

  /** Fills the form, submits it and waits until the dialog has closed on success. */
  /** Creates the group and closes the connect guide the dialog then shows. */
  async createGroup(values: NewGroup): Promise<void> {
    await this.fill(values);
    await this.create.click();
    await expect(this.created).toBeVisible();
    await this.created.getByRole("button", { name: "Done" }).click();
    await expect(this.created).toBeHidden();
    await expect(this.root).toBeHidden();
  }
}
