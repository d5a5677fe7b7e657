import { readFile } from "node:fs/promises";
import { test, expect, storageStateOf, visit, ANONYMOUS } from "./fixtures";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("admin") });

test("the audit log reads in words, names each group beside its id, and exports the filtered view as CSV", async ({
  page,
  db,
  unique,
  createInstance,
}) => {
  const instance = await createInstance();
  const consume = await new ConsumePage(page).open(instance.id);
  const name = unique("audited");
  const id = await consume.createGroup({ name, account: "audit_reader", password: "Audit#Pass1" });

  await visit(page, `/audit?instance=${instance.id}`);
  const row = page.locator(`[data-testid=audit-row][data-action=createConsumerGroup][data-group=${id}]`);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Create consumer group");
  await expect(row.getByTestId("audit-group")).toContainText(id);
  await expect(row.getByTestId("audit-group")).toContainText(name);
  // Who: the user and their role in words; an actor that is no user (lib/audit.ts AUDIT_ACTORS) too.
  await expect(row.locator("td").nth(1)).toContainText("Administrator");
  await db.auditLog.create({
    data: { username: "consumer", action: "disconnectConsumer", instanceId: instance.id, groupId: id, result: "ok" },
  });
  await visit(page, `/audit?instance=${instance.id}&action=disconnectConsumer`);
  const actor = page.locator("[data-testid=audit-row][data-action=disconnectConsumer]").locator("td").nth(1);
  await expect(actor).toHaveText(/^Consumer\s*No console role$/);
  await visit(page, `/audit?instance=${instance.id}`);
  await expect(page.getByLabel("Action").locator("option", { hasText: "Export audit log" })).toHaveCount(1);

  const before = await db.auditLog.count({ where: { username: "admin", action: "exportAuditLog", result: "ok" } });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}-\d{6}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe(
    "time_utc,user,role,action,region,instance,consumer_group,consumer_group_name,result,error_code,client_ip,channel,access_key_id",
  );
  expect(lines.length).toBeGreaterThan(1);
  // Only this instance's records: the filter of the page.
  for (const line of lines.slice(1)) expect(line).toContain(`"${instance.id}"`);
  // Made on a page: the console channel, no AccessKey.
  expect(
    lines.some(
      (l) => l.includes('"createConsumerGroup"') && l.includes(`"${id}"`) && l.includes(`"${name}"`) && l.endsWith('"console",""'),
    ),
  ).toBe(true);
  // The export itself is audited.
  await expect.poll(() => db.auditLog.count({ where: { username: "admin", action: "exportAuditLog", result: "ok" } })).toBe(before + 1);
});

test("the CSV export is refused for a viewer (audited) and for a visitor", async ({ newContext, db, playwright, baseURL }) => {
  const viewer = await (await newContext({ storageState: storageStateOf("viewer") })).newPage();
  const before = await db.auditLog.count({ where: { username: "viewer", action: "exportAuditLog", errorCode: "Forbidden.Role" } });
  const res = await viewer.request.get("/audit/export");
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain("time_utc");
  expect(await db.auditLog.count({ where: { username: "viewer", action: "exportAuditLog", errorCode: "Forbidden.Role" } })).toBe(
    before + 1,
  );

  const api = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS, maxRedirects: 0 });
  const anon = await api.get("/audit/export");
  expect([302, 303, 307, 401]).toContain(anon.status());
  expect(await anon.text()).not.toContain("time_utc");
  await api.dispose();
});
