import type { Locator, Page } from "@playwright/test";

/** A consumer group's Change Password dialog (the current password is required). */
export class ChangePasswordDialog {
  readonly root: Locator;
  readonly current: Locator;
  readonly newPassword: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;

  constructor(page: Page) {
    this.root = page.getByRole("dialog", { name: "Change Password" });
    this.current = this.root.getByLabel("Current Password");
    this.newPassword = this.root.getByLabel("New Password");
    this.confirm = this.root.getByLabel("Confirm Password");
    this.submit = this.root.getByRole("button", { name: "Change Password" });
  }

  async change(values: { current: string; newPassword: string; confirm?: string }): Promise<void> {
    await this.current.fill(values.current);
    await this.newPassword.fill(values.newPassword);
    await this.confirm.fill(values.confirm ?? values.newPassword);
    await this.submit.click();
  }
}
