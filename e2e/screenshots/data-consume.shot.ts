import { fileURLToPath } from "node:url";
import { test, expect, storageStateOf, SEED } from "../fixtures";
import { ConsumePage } from "../pages/consume-page";

// `npm run screenshots`, never `npm test`: the README's picture of the demo instance's Data Consume
// page with the Create Consumer Group dialog open (filled in, nothing submitted).
const README_SCREENSHOT = fileURLToPath(new URL("../../docs/data-consume.png", import.meta.url));

test.use({ storageState: storageStateOf("operator") });

test("Data Consume with the create dialog open", async ({ page }) => {
  const consume = await new ConsumePage(page).open(SEED.normal);
  await expect(consume.quota).toHaveText("3 / 20");
  const dialog = await consume.openCreateDialog();
  await dialog.fill({ name: "realtime-dashboard", account: "dash_reader", password: "Dashboard#1" });
  await dialog.account.focus();
  await page.screenshot({ path: README_SCREENSHOT });
});
