import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "DtsDemo#2026";
export type Role = "admin" | "operator" | "viewer";
export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;

/** Seeded instances (lib/demo.ts SEED_IDS). */
export const SEED = {
  normal: "dtsg2m10r1x15a",
  nineteen: "dtsq19l6k2v0ah",
  full: "dtsf20kx8wm3bd",
  abnormal: "dtsb7n4c2p9kxe",
  empty: "dtsh5t1r8m2qzw",
} as const;

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
