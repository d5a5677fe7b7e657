import type { Page } from "@playwright/test";
import { test, expect, storageStateOf, visit, SEED, addHistory, addLiveConsumer } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

// Every page at the four sizes the console is looked at: a 1440x900 laptop, 1280x800, a phone
// (390x844) and 1280x900 at 200% zoom (640x450 CSS pixels). No page scrolls sideways; from 1280 up
// every table fits its box; every dialog's submit button can be reached and pressed.

const SIZES = [
  { name: "1440x900", width: 1440, height: 900 },
  { name: "1280x800", width: 1280, height: 800 },
  { name: "390x844", width: 390, height: 844 },
  { name: "640x450 (200% zoom)", width: 640, height: 450 },
];

async function expectNoPageOverflow(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: the page is ${scroll} px wide in a ${client} px viewport`).toBeLessThanOrEqual(client);
}

async function expectTablesFit(page: Page, what: string) {
  const tables = await page
    .locator("table")
    .evaluateAll((els) =>
      els.map((t) => ({ box: t.parentElement?.clientWidth ?? 0, width: t.scrollWidth, scroll: t.parentElement?.scrollWidth ?? 0 })),
    );
  expect(tables.length, `${what}: a table`).toBeGreaterThan(0);
  for (const t of tables) expect(t.scroll, `${what}: table ${t.width} px in a ${t.box} px box`).toBeLessThanOrEqual(t.box);
}

/**
 * The top bar's controls as a person sees them: none drawn over another (the region button, the
 * language switch, the user menu, the menu button and the product's name).
 */
async function expectTopBarClear(page: Page, what: string) {
  const boxes = await page.locator("#top-bar").evaluate((bar) =>
    [...bar.querySelectorAll<HTMLElement>("a, button")]
      .filter((el) => el.offsetParent !== null && el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "",
          left: r.left,
          right: r.right,
          top: r.top,
          bottom: r.bottom,
        };
      })
      .filter((b) => b.right - b.left > 0),
  );
  expect(boxes.length, `${what}: top bar controls`).toBeGreaterThan(2);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const vertical = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      expect(overlap > 0.5 && vertical > 0.5, `${what}: "${a.name}" and "${b.name}" overlap by ${overlap.toFixed(1)} px`).toBe(false);
    }
}

/** Every account in the Data Consume table shows whole (accounts are what a consumer types). */
async function expectAccountsWhole(page: Page, what: string) {
  const accounts = page.getByTestId("group-account");
  expect(await accounts.count(), `${what}: accounts`).toBeGreaterThan(0);
  const cut = await accounts.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 0.5).map((el) => el.textContent));
  expect(cut, `${what}: accounts cut short`).toEqual([]);
}

/**
 * What each Data Consume cell shows stays inside its cell's padding: a badge, a time or a figure
 * that reaches the next column's text reads as one (the State column's "Connected" at 1280 did).
 * Elements and the text directly in them are measured; a sparkline is measured as its box.
 */
async function expectCellsClear(page: Page, what: string) {
  const spills = await page.locator(".cg-rows > .dt-row > td").evaluateAll((cells) =>
    cells.flatMap((td) => {
      const box = td.getBoundingClientRect();
      const style = getComputedStyle(td);
      const left = box.left + parseFloat(style.paddingLeft) - 0.5;
      const right = box.right - parseFloat(style.paddingRight) + 0.5;
      const drawn: { what: string; r: DOMRect }[] = [...td.querySelectorAll(":scope *:not(svg *)")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ what: `${el.tagName.toLowerCase()} "${el.textContent?.trim() ?? ""}"`, r: el.getBoundingClientRect() }));
      const texts = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest("svg")) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        drawn.push({ what: `text "${node.textContent.trim()}"`, r: range.getBoundingClientRect() });
      }
      return drawn
        .filter(({ r }) => r.width > 0 && (r.left < left || r.right > right))
        .map(
          ({ what, r }) => `${what} spans ${r.left.toFixed(1)}-${r.right.toFixed(1)} in a cell of ${left.toFixed(1)}-${right.toFixed(1)}`,
        );
    }),
  );
  expect(spills, `${what}: cell contents past their cell's padding`).toEqual([]);
}

/**
 * No Data Consume row grows past the height the first paint holds for it (.cg-placeholder's
 * 4.4375rem a row) when its trend lines come or go under their figures: that would move the page
 * under the reader. A backlog's trend words are a line of their own under the figure, by design,
 * so a row that shows them is left out.
 */
async function expectRowsKeepHeight(page: Page, what: string) {
  const rows = await page.locator(".cg-rows > .dt-row:not(:has([data-testid=lag-trend]))").evaluateAll((trs) => {
    const held = 4.4375 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    return trs.map((tr) => ({ height: tr.getBoundingClientRect().height, held, name: tr.querySelector("td")?.textContent?.trim() }));
  });
  expect(rows.length, `${what}: rows`).toBeGreaterThan(0);
  for (const row of rows)
    expect(row.height, `${what}: row ${row.name} is ${row.height} px, held ${row.held} px`).toBeLessThanOrEqual(row.held + 0.5);
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height }, storageState: storageStateOf("admin") });
    const wide = size.width >= 1280;

    test(`pages fit at ${size.name}`, async ({ page, db, createInstance }, testInfo) => {
      // A 16-character account, the longest DTS allows.
      const instance = await createInstance({ groups: [{}, { account: "abcdefghijklmnop" }, { account: "search_indexer_9" }] });
      // One of them connected and behind, for the Lagging Consumer Groups page, draining a six-digit
      // backlog: its figure, trend line and trend words are the widest and tallest a row shows.
      const now = Date.now();
      await addLiveConsumer(
        db,
        instance.groups[1].id,
        { delay: 13_253, unconsumed: 123_456, checkpointAt: new Date(now - 5_000) },
        300_000,
      );
      await addHistory(
        db,
        instance.groups[1].id,
        Array.from({ length: 25 }, (_, i) => ({ secondsAgo: 240 - i * 10, delay: 13_253, unconsumed: 125_856 - i * 100 })),
        now,
      );
      // Another keeping up: a short delay, whose trend line stays beside its figure (its samples older
      // than the backlog trend's window, so it shows a line and no trend words).
      await addLiveConsumer(db, instance.groups[2].id, { delay: 12, unconsumed: 40, checkpointAt: new Date(now - 2_000) }, 1_800_000);
      await addHistory(
        db,
        instance.groups[2].id,
        Array.from({ length: 25 }, (_, i) => ({ secondsAgo: 1_700 - i * 60, delay: 10 + (i % 3), unconsumed: 40 })),
        now,
      );
      const pages = [
        { name: "tasks", url: "/change-tracking?region=cn-hangzhou", table: true },
        { name: "instance", url: `/change-tracking/${SEED.normal}`, table: false },
        { name: "consume-full", url: `/change-tracking/${SEED.full}/consume`, table: true },
        { name: "consume", url: `/change-tracking/${instance.id}/consume`, table: true },
        { name: "audit", url: "/audit", table: true },
        { name: "lagging", url: `/lagging?region=${instance.regionId}`, table: true },
        { name: "alerts", url: "/alerts", table: false },
        { name: "monitoring", url: `/change-tracking/${instance.id}/monitoring?range=24h`, table: false },
        { name: "404", url: "/no/such/page", table: false },
      ];
      for (const p of pages) {
        await visit(page, p.url);
        await expectNoPageOverflow(page, `${p.name} at ${size.name}`);
        await expectTopBarClear(page, `${p.name} at ${size.name}`);
        if (wide && p.table) await expectTablesFit(page, `${p.name} at ${size.name}`);
        if (p.name === "consume") {
          await expect(page.getByTestId("lag-trend")).toHaveAttribute("data-trend", "draining");
          await expect(page.getByTestId("unconsumed-sparkline").first()).toHaveAttribute("data-points", /\d/);
        }
        if (wide && p.name.startsWith("consume")) {
          await expectAccountsWhole(page, `${p.name} at ${size.name}`);
          await expectCellsClear(page, `${p.name} at ${size.name}`);
          await expectRowsKeepHeight(page, `${p.name} at ${size.name}`);
        }
        if (wide && p.name === "consume") {
          // "12 s" leaves its trend line 40 px or more beside it (.spark): on the figure's line.
          const row = page.locator(".dt-row", { hasText: instance.groups[2].name });
          const figure = await row.getByTestId("message-delay").boundingBox();
          const line = await row.locator("svg[data-testid=delay-sparkline]").boundingBox();
          expect(line && figure && line.y < figure.y + figure.height, `a short delay's trend line beside it at ${size.name}`).toBe(true);
        }
        await page.screenshot({ path: testInfo.outputPath(`${p.name}.png`), fullPage: false });
      }
      // The phone and the zoomed page fold the nav into a menu button; wide screens show it.
      if (size.width < 1024) {
        await expect(page.getByRole("navigation", { name: "Console" })).toBeHidden();
        await page.getByRole("button", { name: "Open navigation menu" }).click();
        const sheet = page.getByRole("dialog", { name: "Menu" });
        await expect(sheet.getByRole("link", { name: "Audit Log" })).toBeInViewport();
        await page.screenshot({ path: testInfo.outputPath("menu.png") });
        await sheet.getByRole("link", { name: "Change Tracking" }).click();
        await expect(sheet).toBeHidden();
        await expect(page).toHaveURL(/\/change-tracking/);
      } else {
        await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
        await expect(page.getByRole("button", { name: "Open navigation menu" })).toBeHidden();
      }
    });

    test(`dialogs and the drawer fit at ${size.name}`, async ({ page, createInstance }, testInfo) => {
      const instance = await createInstance({ groups: 1 });
      const name = instance.groups[0].name;
      const consume = await new ConsumePage(page).open(instance.id);
      const create = await consume.openCreateDialog();
      await create.create.click();
      await expect(create.name).toHaveAttribute("aria-invalid", "true");
      for (const control of [create.create, create.root.getByRole("button", { name: "Cancel" })]) {
        await expect(control).toBeInViewport();
        await control.click({ trial: true });
      }
      await expectNoPageOverflow(page, `create dialog at ${size.name}`);
      await page.screenshot({ path: testInfo.outputPath("create-dialog.png") });
      await page.keyboard.press("Escape");

      const change = await consume.openChangePassword(name);
      await expect(change.submit).toBeInViewport();
      await change.submit.click({ trial: true });
      await page.keyboard.press("Escape");
      const reset = await consume.openResetPassword(name);
      await expect(reset.submit).toBeInViewport();
      await reset.submit.click({ trial: true });
      await page.screenshot({ path: testInfo.outputPath("reset-dialog.png") });
      await page.keyboard.press("Escape");
      await (await consume.openMore(name)).getByRole("menuitem", { name: "Reset Checkpoint", exact: true }).click();
      const checkpoint = page.getByRole("dialog", { name: `Reset the checkpoint of ${name}` });
      await expect(checkpoint.getByRole("button", { name: "Reset Checkpoint" })).toBeInViewport();
      await checkpoint.getByRole("button", { name: "Reset Checkpoint" }).click({ trial: true });
      await page.keyboard.press("Escape");
      const remove = await consume.openDelete(name);
      await expect(remove.confirm).toBeInViewport();
      await remove.confirm.click({ trial: true });
      await page.keyboard.press("Escape");

      const drawer = await consume.openDetails(name);
      await expect(drawer.root.getByRole("button", { name: "Close" })).toBeInViewport();
      await expectNoPageOverflow(page, `drawer at ${size.name}`);
      await page.screenshot({ path: testInfo.outputPath("drawer.png") });

      // The Monitoring tab's Create alert rule dialog: its Save reachable in the dialog's scroll.
      await visit(page, `/change-tracking/${instance.id}/monitoring`);
      await page.getByRole("button", { name: "Create alert rule" }).click();
      const rule = page.getByRole("dialog", { name: "Create alert rule" });
      await rule.getByLabel("Delay over (seconds)").fill("60");
      const save = rule.getByRole("button", { name: "Save rule" });
      await save.scrollIntoViewIfNeeded();
      await expect(save).toBeInViewport();
      await save.click({ trial: true });
      await expectNoPageOverflow(page, `alert rule dialog at ${size.name}`);
      await page.screenshot({ path: testInfo.outputPath("alert-rule-dialog.png") });
    });
  });
}

// The same pages in Chinese (docs/rules.md "Languages"): CJK labels are shorter but do not break
// like English, and region and status names differ. The browser asks for Chinese
// (Accept-Language); the shared admin's own choice is left alone.
for (const size of SIZES) {
  test.describe(`${size.name} in Chinese`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, storageState: storageStateOf("admin"), locale: "zh-CN" });
    const wide = size.width >= 1280;

    test(`pages fit in Chinese at ${size.name}`, async ({ page, db, createInstance }, testInfo) => {
      const instance = await createInstance({ groups: 3 });
      await addLiveConsumer(db, instance.groups[1].id, { delay: 13_253, unconsumed: 123_456 });
      const pages = [
        { name: "tasks", url: "/change-tracking?region=cn-hangzhou", table: true },
        { name: "instance", url: `/change-tracking/${SEED.normal}`, table: false },
        { name: "consume", url: `/change-tracking/${instance.id}/consume`, table: true },
        { name: "audit", url: "/audit", table: true },
        { name: "access-keys", url: "/access-keys", table: false },
        { name: "lagging", url: `/lagging?region=${instance.regionId}&over=0`, table: false },
        { name: "alerts", url: "/alerts", table: false },
        { name: "monitoring", url: `/change-tracking/${instance.id}/monitoring`, table: false },
      ];
      for (const p of pages) {
        await visit(page, p.url);
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        // The consumer-group search keeps a usable width however narrow the toolbar.
        if (p.name === "consume") expect((await page.locator("#group-search").boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(200);
        await expectNoPageOverflow(page, `${p.name} in Chinese at ${size.name}`);
        await expectTopBarClear(page, `${p.name} in Chinese at ${size.name}`);
        if (wide && p.table) await expectTablesFit(page, `${p.name} in Chinese at ${size.name}`);
        if (wide && p.name === "consume") {
          await expectCellsClear(page, `${p.name} in Chinese at ${size.name}`);
          await expectRowsKeepHeight(page, `${p.name} in Chinese at ${size.name}`);
        }
        await page.screenshot({ path: testInfo.outputPath(`zh-${p.name}.png`), fullPage: false });
      }
      // The Add dialog with its refusals shown keeps its buttons in view.
      await new ConsumePage(page).open(instance.id);
      await page.getByRole("button", { name: "新增消费组" }).click();
      const dialog = page.getByRole("dialog", { name: "新增消费组" });
      await dialog.getByRole("button", { name: "创建", exact: true }).click();
      await expect(dialog.getByLabel("消费组名称")).toHaveAttribute("aria-invalid", "true");
      await expect(dialog.getByRole("button", { name: "创建", exact: true })).toBeInViewport();
      await expectNoPageOverflow(page, `create dialog in Chinese at ${size.name}`);
      await page.screenshot({ path: testInfo.outputPath("zh-create-dialog.png") });
    });
  });
}

// Data Consume's first paint (consumer-groups-table.tsx FIRST_PAINT_ROWS): the server draws the
// first rows, the browser the rest once the page runs, held until then by one placeholder of their
// height, so the table does not move when they come.
const TASK_LIST = "/change-tracking?region=cn-hangzhou";

for (const size of SIZES) {
  test.describe(`${size.name}, as the server draws it`, () => {
    const viewport = { width: size.width, height: size.height };
    test.use({ viewport, storageState: storageStateOf("admin") });

    test(`Data Consume's first paint at ${size.name}: the first rows drawn, the rest held at their height`, async ({ page, browser }) => {
      const url = `/change-tracking/${SEED.full}/consume`;
      const rowsHeight = (p: Page) => p.locator("table tbody").evaluate((el) => el.getBoundingClientRect().height);
      const tableTop = (p: Page) => p.locator("table").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      // The server's HTML alone: a browser that runs no script.
      const still = await browser.newContext({
        baseURL: test.info().project.use.baseURL,
        viewport,
        storageState: storageStateOf("admin"),
        javaScriptEnabled: false,
      });
      let before: number;
      let top: number;
      let taskListTop: number;
      try {
        const html = await still.newPage();
        await html.goto(url);
        const rows = await html
          .locator("table tbody tr")
          .evaluateAll((trs) =>
            trs.map((tr) => ({ held: tr.classList.contains("cg-placeholder"), height: tr.getBoundingClientRect().height })),
          );
        const drawn = rows.filter((r) => !r.held).map((r) => r.height);
        const held = rows.filter((r) => r.held).map((r) => r.height);
        // What 1440x900 shows (FIRST_PAINT_ROWS), and one row holding the other 14 rows' height.
        expect([drawn.length, held.length]).toEqual([6, 1]);
        const mean = drawn.reduce((a, b) => a + b, 0) / drawn.length;
        expect(Math.abs(held[0] - 14 * mean)).toBeLessThanOrEqual(14);
        // What follows the table is below the first screen too: the browser draws it with the rows.
        await expect(html.getByRole("heading", { name: "How consumers connect" })).toHaveCount(0);
        before = await rowsHeight(html);
        top = await tableTop(html);
        await html.goto(TASK_LIST);
        taskListTop = await tableTop(html);
        // With as few rows as the server draws, the connect section is on the first screen: drawn too.
        await html.goto(`/change-tracking/${SEED.normal}/consume`);
        await expect(html.getByRole("heading", { name: "How consumers connect" })).toBeVisible();
        await expect(html.locator(".cg-placeholder")).toHaveCount(0);
      } finally {
        await still.close();
      }

      await visit(page, url);
      await expect(page.getByTestId("group-id")).toHaveCount(20);
      await expect(page.locator(".cg-placeholder")).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "How consumers connect" })).toBeVisible();
      // Fourteen rows came in place of their placeholder: the table's height moved by a pixel a row at most.
      expect(Math.abs((await rowsHeight(page)) - before)).toBeLessThanOrEqual(14);
      // And the table itself stayed where the server's HTML put it (what runs above it, such as the
      // time of the last refresh, takes the room it was given).
      expect(Math.abs((await tableTop(page)) - top)).toBeLessThanOrEqual(2);
      // The task list's toolbar has the same refresh controls: its table stays put too.
      await visit(page, TASK_LIST);
      expect(Math.abs((await tableTop(page)) - taskListTop)).toBeLessThanOrEqual(2);
    });
  });
}
