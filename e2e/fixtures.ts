import { test as base, expect, type Page } from "@playwright/test";

// The seeded demo (lib/demo.ts): the same password and instance ids the README names.
export { DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD, SEED_IDS as SEED } from "../lib/demo";
import { DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD } from "../lib/demo";
export type Role = "admin" | "operator" | "viewer";
export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Names unique to this test run and worker, so reruns never collide with earlier rows. */
export const test = base.extend<{ unique: (prefix: string) => string }>({
  unique: async ({}, use, testInfo) => {
    let n = 0;
    await use((prefix) => `${prefix}-${testInfo.workerIndex}-${Date.now().toString(36)}-${n++}`);
  },
});

export { expect };
