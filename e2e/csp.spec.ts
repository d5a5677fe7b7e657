import { test, expect } from "./fixtures";

// The fixture that fails a test on any Content-Security-Policy violation, shown to see one: a
// page served with a policy that forbids its own inline script and style.
test("the CSP guard records a violation in any page of the test", async ({ page, cspViolations }) => {
  await page.route("**/__csp-probe", (route) =>
    route.fulfill({
      contentType: "text/html",
      headers: { "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'" },
      body: "<!doctype html><title>probe</title><style>body{color:red}</style><script>document.title='ran'</script><p>probe</p>",
    }),
  );
  await page.goto("/__csp-probe");
  await expect(page).toHaveTitle("probe");
  await expect.poll(() => cspViolations.map((v) => v.text).join("\n")).toMatch(/script-src/);
  expect(cspViolations.map((v) => v.text).join("\n")).toMatch(/style-src/);
  // Seen, so this test passes; any other test with a violation fails in the fixture's teardown.
  cspViolations.length = 0;
});
