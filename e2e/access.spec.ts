import { test, expect, storageStateOf, userMenu, visit, SEED, type Role } from "./fixtures";

// Each role against each page: what it may open, and what it is refused. The pages only read, so
// they show the seeded demo instance.
const pages = [
  { path: "/change-tracking", heading: "Change Tracking Tasks", allowed: ["viewer", "operator", "admin"] },
  { path: `/change-tracking/${SEED.normal}`, heading: "Basic Information", allowed: ["viewer", "operator", "admin"] },
  { path: `/change-tracking/${SEED.normal}/consume`, heading: "Consumer Groups", allowed: ["viewer", "operator", "admin"] },
  { path: "/audit", heading: "Audit Log", allowed: ["admin"] },
];

for (const role of ["viewer", "operator", "admin"] as Role[]) {
  test.describe(role, () => {
    test.use({ storageState: storageStateOf(role) });
    test(`opens exactly the pages the ${role} may`, async ({ page }) => {
      for (const p of pages) {
        const res = await visit(page, p.path);
        expect(res?.status(), p.path).toBeLessThan(400);
        await expect(userMenu(page, role), p.path).toBeVisible();
        if (p.allowed.includes(role)) {
          await expect(page.getByRole("heading", { name: p.heading, exact: true }).first(), p.path).toBeVisible();
          await expect(page.getByRole("heading", { name: "Forbidden" }), p.path).toHaveCount(0);
        } else {
          await expect(page.getByRole("heading", { name: "Forbidden" }), p.path).toBeVisible();
          await expect(page.getByRole("heading", { name: p.heading, exact: true }), p.path).toHaveCount(0);
        }
      }
    });
  });
}
