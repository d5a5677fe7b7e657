// The boundary findings, each as the request that reproduced it: these failed before the fix.
import { ANONYMOUS, DEMO_PASSWORD, GROUP_PASSWORD, expect, signIn, test, userMenu, visit } from "./fixtures";

test("an open redirect through callbackUrl stays on the console's origin, and control characters give no 500", async ({
  baseURL,
  newContext,
}) => {
  const own = new URL(baseURL!).origin;
  for (const callbackUrl of [
    "%2F%09%2Fevil.invalid%2F",
    "%2F%0A%2Fevil.invalid",
    "%2F%0D%2Fevil.invalid",
    "%2F%2Fevil.invalid",
    "https%3A%2F%2Fevil.invalid%2F",
  ]) {
    const context = await newContext({ storageState: ANONYMOUS });
    const visitor = await context.newPage();
    const res = await visit(visitor, `/login?callbackUrl=${callbackUrl}`);
    expect(res?.status(), callbackUrl).toBe(200);
    await visitor.getByLabel("Username").fill("viewer");
    await visitor.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor.getByRole("heading", { name: "Change Tracking Tasks" }), callbackUrl).toBeVisible();
    expect(new URL(visitor.url()).origin, callbackUrl).toBe(own);
    // Already signed in: the login page redirects at once, to the same safe place.
    const again = await visitor.goto(`/login?callbackUrl=${callbackUrl}`);
    expect(again?.status(), callbackUrl).toBeLessThan(500);
    expect(new URL(visitor.url()).origin, callbackUrl).toBe(own);
  }
});

test("a client-sent peer header is overwritten by the server: the audit log records the real address", async ({
  request,
  createInstance,
  db,
}) => {
  const instance = await createInstance({ groups: 1 });
  const group = instance.groups[0];
  const res = await request.post("/api/consumer/connect", {
    headers: { "content-type": "application/json", "x-dts-peer": "203.0.113.250" },
    data: JSON.stringify({ user: group.user, password: "Wrong#12345" }),
  });
  expect(res.status()).toBe(401);
  const row = await db.auditLog.findFirst({ where: { action: "connectConsumer", groupId: group.id }, orderBy: { id: "desc" } });
  expect(row?.clientIp).toBe("127.0.0.1");
  expect(row?.errorCode).toBe("Unauthorized");
  // The right password from the same client still works: a failure is not a lockout.
  const ok = await request.post("/api/consumer/connect", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ user: group.user, password: GROUP_PASSWORD }),
  });
  expect(ok.status()).toBe(200);
});

test("sign-out ends the session on the server: the old cookie no longer opens anything", async ({ newContext, baseURL }) => {
  const context = await newContext({ storageState: ANONYMOUS });
  const page = await context.newPage();
  await signIn(page, "viewer");
  await expect(userMenu(page, "viewer")).toBeVisible();
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();

  await userMenu(page, "viewer").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  // The copied cookie, replayed from elsewhere: still a valid signature, but revoked.
  const replay = await newContext({ storageState: { cookies: [session!], origins: [] } });
  // The proxy lets its signature through; each page's own session check turns it away (the
  // bench's blank page and empty frame included: they check it themselves like any page).
  for (const path of ["/change-tracking", "/bench/blank", "/bench/frame"]) {
    const res = await replay.request.get(`${baseURL}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBe(307);
    expect(res.headers().location, path).toContain("/login");
  }
  const api = await replay.request.get(`${baseURL}/api/instances/dtsg2m10r1x15a/consumer-groups`);
  expect(api.status()).toBe(401);
});
