import type { Page, Response } from "@playwright/test";

/**
 * Resolves once React has hydrated the page (components/providers.tsx marks <html>): before that a
 * click or a key press can reach server-rendered HTML that does nothing yet.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

/** `page.goto` that returns only when the page is interactive. */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

/** `page.reload` that returns only when the page is interactive again. */
export async function reload(page: Page): Promise<Response | null> {
  const response = await page.reload();
  await waitForHydration(page);
  return response;
}
