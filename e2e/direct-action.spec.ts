import { test, expect, storageStateOf, reload } from "./fixtures";
import type { Request } from "@playwright/test";
import { ConsumePage } from "./pages/consume-page";

test.use({ storageState: storageStateOf("operator") });

// The server action exactly as the browser posts it, replayed with other sessions: the server,
// not the disabled button, is what refuses a viewer.
test("a direct POST of the create action is refused for a viewer and a visitor, and audited", async ({
  page,
  playwright,
  baseURL,
  unique,
  createInstance,
}) => {
  const instance = await createInstance();
  const consume = await new ConsumePage(page).open(instance.id);
  let captured: Request | undefined;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured = r;
  });
  const name = unique("direct");
  await consume.createGroup({ name, account: "direct_reader", password: "Direct#123" });
  expect(captured).toBeDefined();

  const headers = { ...captured!.headers() };
  delete headers.cookie;
  // The same call with another group name, so only the role can be the reason for a refusal.
  const body = captured!.postData()!.replace(name, `${name}-replay`);
  expect(body).toContain(`${name}-replay`);
  const replay = async (storageState: string | undefined) => {
    const api = await playwright.request.newContext({ baseURL, storageState: storageState ?? { cookies: [], origins: [] } });
    const res = await api.post(captured!.url(), { headers, data: body, maxRedirects: 0 });
    const text = `${res.status()} ${res.headers()["location"] ?? ""} ${await res.text()}`;
    await api.dispose();
    return text;
  };

  expect(await replay(storageStateOf("viewer"))).toContain('"code":"Forbidden.Role"');
  // Without a session the proxy sends it to sign-in before any action runs.
  expect(await replay(undefined)).toMatch(/^307 .*\/login/);
  await reload(page);
  await expect(consume.quota).toHaveText("1 / 20");
  // The operator's own session may: the replay is a valid call.
  expect(await replay(storageStateOf("operator"))).toContain('"ok":true');

  const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
  const audit = await (await admin.get(`/audit?action=createConsumerGroup&user=viewer&instance=${instance.id}&result=refused`)).text();
  expect(audit).toContain("Forbidden.Role");
  await admin.dispose();
  await reload(page);
  await expect(consume.row(`${name}-replay`)).toHaveCount(1);
  await expect(consume.quota).toHaveText("2 / 20");
});
