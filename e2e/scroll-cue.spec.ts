// On a phone the wide tables scroll sideways, and say so (components/ui/table-scroll.tsx): a
// shadow on the edge that hides more columns, gone once the reader has scrolled to that edge.
import { test, expect, storageStateOf, visit } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("operator"), viewport: { width: 390, height: 844 } });

test("a table wider than the phone shows where more columns are", async ({ page, createInstance }) => {
  const instance = await createInstance({ groups: 2 });
  await new ConsumePage(page).open(instance.id);
  const region = page.getByRole("region", { name: "Consumer groups table" });
  const frame = region.locator("xpath=..");
  await expect(frame).toHaveAttribute("data-more-right", "true");
  await expect(frame).not.toHaveAttribute("data-more-left", /.*/);
  // The cue is drawn: the right edge's shadow fades in (a CSS transition) until it is opaque.
  await expect.poll(() => frame.evaluate((el) => getComputedStyle(el, "::after").opacity)).toBe("1");
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(frame).toHaveAttribute("data-more-left", "true");
  await expect(frame).not.toHaveAttribute("data-more-right", /.*/);

  // At 1440 px the same table fits: no cue.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(frame).not.toHaveAttribute("data-more-right", /.*/);
  await expect(frame).not.toHaveAttribute("data-more-left", /.*/);

  // The task list says the same on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `/change-tracking?region=${instance.regionId}&q=${instance.id}`);
  await expect(page.getByRole("region", { name: "Change tracking tasks table" }).locator("xpath=..")).toHaveAttribute(
    "data-more-right",
    "true",
  );
});
