import type { Locator, Page } from "@playwright/test";

/** The confirmation before a consumer group is deleted. */
export class DeleteConsumerGroupDialog {
  readonly root: Locator;
  readonly cancel: Locator;
  readonly confirm: Locator;

  constructor(page: Page, groupName: string) {
    this.root = page.getByRole("dialog", { name: `Delete consumer group ${groupName}?` });
    this.cancel = this.root.getByRole("button", { name: "Cancel" });
    this.confirm = this.root.getByRole("button", { name: "Delete", exact: true });
  }
}
