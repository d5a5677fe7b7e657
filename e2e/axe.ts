import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Runs axe on the page as it is now (every rule axe runs by default, WCAG 2.0-2.2 A/AA and best
 * practices) and fails listing each violation of any impact with the elements it found.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  // Let transitions and tooltips settle so colours are measured as shown.
  await page.waitForTimeout(250);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map(
    (v) =>
      `${v.impact ?? "?"} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")} ${n.failureSummary?.replace(/\n/g, " ") ?? ""}`).join("\n")}`,
  );
  expect(report, `axe violations in state "${state}"`).toEqual([]);
}
