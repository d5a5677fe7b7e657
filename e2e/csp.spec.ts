import type { Page } from "@playwright/test";
import { test, expect, assertNoCspViolations } from "./fixtures";

// The fixture that fails a test on any Content-Security-Policy violation, shown to see one: a
// page served with a policy that forbids its own inline script and style.
async function openProbe(page: Page) {
  await page.route("**/__csp-probe", (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" },
      body: "<!doctype html><title>probe</title><style>body{color:red}</style><script>document.title='ran'</script><p>probe</p>",
    }),
  );
  await page.goto("/__csp-probe");
  await expect(page).toHaveTitle("probe");
}

test("the CSP guard records each violation in the test's pages and fails the test on it", async ({ page, cspViolations }) => {
  await openProbe(page);
  await expect.poll(() => cspViolations.map((v) => v.text).join("\n")).toMatch(/script-src/);
  expect(cspViolations.map((v) => v.text).join("\n")).toMatch(/style-src/);
  // What the fixture runs when the test ends.
  expect(() => assertNoCspViolations(cspViolations)).toThrow(/Content-Security-Policy violations:[^]*script-src/);
  // Seen and cleared, so this test passes.
  cspViolations.length = 0;
});
