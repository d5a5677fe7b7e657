import type { Locator, Page } from "@playwright/test";

/** A consumer group's Reset Password dialog, then the one-time "Password Reset" view of the result. */
export class ResetPasswordDialog {
  readonly root: Locator;
  readonly newPassword: Locator;
  readonly confirm: Locator;
  readonly generate: Locator;
  readonly submit: Locator;
  /** What the dialog becomes after a successful reset: the new password, shown once. */
  readonly result: Locator;
  readonly shownPassword: Locator;
  readonly done: Locator;
  readonly copy: Locator;

  constructor(page: Page) {
    this.root = page.getByRole("dialog", { name: "Reset Password" });
    this.newPassword = this.root.getByLabel("New Password");
    this.confirm = this.root.getByLabel("Confirm Password");
    this.generate = this.root.getByRole("button", { name: "Generate" });
    this.submit = this.root.getByRole("button", { name: "Reset Password" });
    this.result = page.getByRole("dialog", { name: "Password Reset" });
    this.shownPassword = this.result.getByTestId("new-password");
    this.done = this.result.getByRole("button", { name: "Done" });
    this.copy = this.result.getByRole("button", { name: "Copy new password" });
  }
}
