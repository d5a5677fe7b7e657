import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { test, expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { getAuthSecret } from "../lib/auth/secret";
import { DEFAULT_DEMO_PASSWORD, SEED_IDS } from "../lib/demo";
import { storageStateOf } from "./fixtures";

// The console's edge against the production build: security headers on every kind of answer, a
// CSP nonce on every script, no page data without a session that verifies, and server-action
// POSTs that Next.js would answer with 500 refused with a 4xx.

const INSTANCE = SEED_IDS.normal;
// Only on pages of that instance, or of the task list: none may reach a visitor without a session.
const SECRETS = ["dtstest", "cn_hangzhou_rm_bp1162kryivb8_dtstest_version2", "rm-bp1162kryivb8"];
const PROTECTED = ["/change-tracking", `/change-tracking/${INSTANCE}`, `/change-tracking/${INSTANCE}/consume`, "/audit"];
const SESSION_COOKIE = "next-auth.session-token";

function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, "Content-Security-Policy").toBeTruthy();
  return new Map(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** The nonce of a response's CSP, after checking the policy itself. */
function expectSecurityHeaders(res: APIResponse, what: string): string {
  const h = res.headers();
  const csp = directives(h["content-security-policy"]);
  const script = csp.get("script-src") ?? [];
  const nonce = script.map((v) => /^'nonce-([A-Za-z0-9+/=_-]+)'$/.exec(v)?.[1]).find(Boolean);
  expect(nonce, `${what}: script-src has a nonce`).toBeTruthy();
  expect(script, `${what}: script-src`).toContain("'strict-dynamic'");
  expect(script, `${what}: script-src`).not.toContain("'unsafe-inline'");
  expect(script, `${what}: script-src`).not.toContain("'unsafe-eval'");
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'self'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["permissions-policy"], what).toContain(feature);
  // Plain http here: no HSTS.
  expect(h["strict-transport-security"], what).toBeUndefined();
  return nonce!;
}

async function signedInContext(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
) {
  return playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
}

test.describe("security headers", () => {
  test("on the sign-in page, a console page, an API answer, a 404 and redirects", async ({ playwright, baseURL, request }) => {
    const admin = await signedInContext(playwright, baseURL);
    const answers: Array<[string, APIResponse, number]> = [
      ["/login", await request.get("/login"), 200],
      ["console page", await admin.get(`/change-tracking/${INSTANCE}`), 200],
      ["API", await admin.get(`/api/instances/${INSTANCE}/consumer-groups`), 200],
      ["API without a session", await request.get(`/api/instances/${INSTANCE}/consumer-groups`), 401],
      ["404", await admin.get("/no-such-page"), 404],
      ["unknown instance 404", await admin.get("/change-tracking/dtsdoesnotexist1"), 404],
      ["unknown API 404", await admin.get("/api/no-such-route"), 404],
      ["redirect to sign-in", await request.get("/change-tracking", { maxRedirects: 0 }), 307],
      ["redirect of /", await admin.get("/", { maxRedirects: 0 }), 307],
      ["next-auth route", await request.get("/api/auth/csrf"), 200],
      ["consumer endpoint", await request.post("/api/consumer/connect", { data: {} }), 400],
    ];
    for (const [what, res, status] of answers) {
      expect(res.status(), what).toBe(status);
      expectSecurityHeaders(res, what);
    }
    // A nonce is per response.
    const nonces = new Set([await request.get("/login"), await request.get("/login")].map((r) => expectSecurityHeaders(r, "/login")));
    expect(nonces.size).toBe(2);
    // Static files are outside the proxy; next.config.mjs still gives them the static headers.
    const html = await (await request.get("/login")).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const assetRes = await request.get(asset!);
    expect(assetRes.status()).toBe(200);
    expect(assetRes.headers()["x-content-type-options"]).toBe("nosniff");
    expect(assetRes.headers()["x-frame-options"]).toBe("DENY");
    await admin.dispose();
  });

  test("HSTS only when served over HTTPS (as a TLS-terminating proxy reports it)", async ({ request }) => {
    const res = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(res.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("every script tag on the sign-in page and a console page carries the response's nonce", async ({ playwright, baseURL, request }) => {
    const admin = await signedInContext(playwright, baseURL);
    for (const [what, res] of [
      ["/login", await request.get("/login")],
      ["task list", await admin.get("/change-tracking?region=cn-hangzhou")],
      ["Data Consume", await admin.get(`/change-tracking/${INSTANCE}/consume`)],
      ["404", await admin.get("/no-such-page")],
    ] as const) {
      const nonce = expectSecurityHeaders(res, what);
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, what).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag, what).toContain(`nonce="${nonce}"`);
    }
    await admin.dispose();
  });

  test("the sign-in page does not load inside another site's frame", async ({ page, baseURL }) => {
    // Another site, on another port of this machine (Chrome refuses a public page's frame of a
    // local address before our headers could matter, so the attacker is local too).
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end(`<!doctype html><title>attacker</title><iframe id="victim" src="${baseURL}/login"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    try {
      const refusals: string[] = [];
      page.on("console", (m) => {
        if (m.text().includes("frame-ancestors")) refusals.push(m.text());
      });
      const loginLoads: string[] = [];
      page.on("response", (r) => {
        if (r.url().startsWith(`${baseURL}/login`)) loginLoads.push(r.url());
      });
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      // The console answered the frame's request, and the browser refused to show it.
      await expect.poll(() => loginLoads.length).toBeGreaterThan(0);
      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      expect(refusals[0]).toContain("frame-ancestors 'none'");
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame).toBeDefined();
      await expect(frame!.getByLabel("Username")).toHaveCount(0);
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
  });
});

test.describe("no page data without a session that verifies", () => {
  // The admin's own token, re-sealed: with another secret, or expired. Everything else is genuine.
  async function tokens(): Promise<Array<[string, string]>> {
    const state = JSON.parse(readFileSync(storageStateOf("admin"), "utf8")) as { cookies: Array<{ name: string; value: string }> };
    const genuine = state.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const secret = getAuthSecret();
    const claims = await decode({ token: genuine, secret });
    expect(claims?.uid, "the admin's token decodes with the server's secret").toBeTruthy();
    const { exp: _exp, iat: _iat, jti: _jti, ...rest } = claims!;
    return [
      ["made-up cookie", "x"],
      ["token signed with another secret", await encode({ token: rest, secret: `${secret}-not-ours`, maxAge: 3600 })],
      ["expired token", await encode({ token: rest, secret, maxAge: -120 })],
    ];
  }

  test("a control: the genuine session sees the data these checks look for", async ({ playwright, baseURL }) => {
    const admin = await signedInContext(playwright, baseURL);
    const res = await admin.get(`/change-tracking/${INSTANCE}`);
    expect(res.status()).toBe(200);
    const body = await res.text();
    for (const secret of SECRETS) expect(body).toContain(secret);
    await admin.dispose();
  });

  test("forged, foreign and expired cookies get a redirect to sign-in with an empty body, for pages and RSC requests", async ({
    playwright,
    baseURL,
  }) => {
    const api = await playwright.request.newContext({ baseURL });
    for (const [what, token] of await tokens()) {
      for (const route of PROTECTED) {
        for (const rsc of [false, true]) {
          const label = `${what} ${route}${rsc ? " (RSC)" : ""}`;
          const res = await api.get(route, {
            headers: { Cookie: `${SESSION_COOKIE}=${token}`, ...(rsc ? { RSC: "1" } : {}) },
            maxRedirects: 0,
          });
          expect(res.status(), label).toBe(307);
          const location = new URL(res.headers().location, baseURL);
          expect(location.pathname, label).toBe("/login");
          expect(location.searchParams.get("callbackUrl"), label).toBe(route);
          const body = await res.text();
          for (const secret of SECRETS) expect(body, label).not.toContain(secret);
          expect(body.length, label).toBeLessThan(200);
          expectSecurityHeaders(res, label);
        }
      }
      // Route handlers answer 401 JSON rather than redirecting.
      const apiRes = await api.get(`/api/instances/${INSTANCE}/consumer-groups`, { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });
      expect(apiRes.status(), what).toBe(401);
      expect(await apiRes.json(), what).toMatchObject({ code: "Unauthorized", message: expect.any(String) });
    }
    await api.dispose();
  });
});

test.describe("server-action guard", () => {
  // The id of a real action, so only the guard can be the reason for a refusal: read from the
  // production build the suite runs against.
  function actionId(name: string): string {
    const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { exportedName?: string }>;
    };
    const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === name)?.[0];
    expect(id, `server action ${name} in the build`).toBeTruthy();
    return id!;
  }

  test("refuses what Next.js would answer with 500, with a 4xx and a clear message; lets a valid call through", async ({
    playwright,
    baseURL,
  }) => {
    const admin = await signedInContext(playwright, baseURL);
    const url = `/change-tracking/${SEED_IDS.empty}/consume`;
    const origin = new URL(baseURL!).origin;
    const action = actionId("deleteConsumerGroup");
    const post = (headers: Record<string, string>, data: string | Buffer, multipart?: Record<string, string>) =>
      admin.post(url, {
        headers: { "Next-Action": action, Origin: origin, ...headers },
        ...(multipart ? { multipart } : { data }),
        maxRedirects: 0,
      });
    const text = { "Content-Type": "text/plain;charset=UTF-8" };
    const valid = JSON.stringify([{ groupId: "cgnosuchgroup00" }]);

    const cases: Array<[string, APIResponse, number, string]> = [
      ["foreign Origin", await post({ ...text, Origin: "http://attacker.invalid" }, valid), 403, "Forbidden.Origin"],
      ["Origin null", await post({ ...text, Origin: "null" }, valid), 403, "Forbidden.Origin"],
      ["2 MB body", await post(text, `["${"a".repeat(2 * 1024 * 1024)}"]`), 413, "PayloadTooLarge"],
      ["multipart body", await post({}, "", { a: "b" }), 415, "UnsupportedMediaType"],
      ["url-encoded body", await post({ "Content-Type": "application/x-www-form-urlencoded" }, "a=b"), 415, "UnsupportedMediaType"],
      ["non-JSON text", await post(text, "this is not json"), 400, "InvalidParameter"],
      ["a reference React cannot resolve", await post(text, '[{"groupId":"$1"}]'), 400, "InvalidParameter"],
    ];
    for (const [what, res, status, code] of cases) {
      expect(res.status(), what).toBe(status);
      expect(res.status(), what).toBeLessThan(500);
      expect(res.headers()["cache-control"], what).toBe("no-store");
      const body = (await res.json()) as { message: string };
      expect(body, what).toEqual({ code, message: expect.any(String) as unknown });
      expect(body.message.length, what).toBeGreaterThan(10);
      expectSecurityHeaders(res, what);
    }

    // A multipart POST without Next-Action is still a (no-JavaScript) action to Next.js.
    const mpa = await admin.post(url, { headers: { Origin: origin }, multipart: { $ACTION_ID_x: "1" }, maxRedirects: 0 });
    expect(mpa.status()).toBe(415);

    // The same call, well-formed, reaches the action, which answers for itself.
    const ok = await post(text, valid);
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toMatch(/"ok":false,"code":"(NotFound|InvalidParameter)"/);
    await admin.dispose();
  });
});

test.describe("under the CSP", () => {
  test("signing in and opening the task list, an instance and Data Consume reports no violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) violations.push(m.text());
    });
    page.on("pageerror", (e) => violations.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await signInAndBrowse(page);
    expect(violations).toEqual([]);
  });
});

async function signInAndBrowse(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill(DEFAULT_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await page.goto("/change-tracking?region=cn-hangzhou");
  await page.getByRole("link", { name: INSTANCE }).first().click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${INSTANCE}$`));
  await expect(page.getByText("cn_hangzhou_rm_bp1162kryivb8_dtstest_version2")).toBeVisible();
  await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Data Consume" }).click();
  await expect(page).toHaveURL(new RegExp(`${INSTANCE}/consume$`));
  await expect(page.getByRole("heading", { name: "Consumer Groups", exact: true }).first()).toBeVisible();
  // Client-side navigation back (RSC fetches under the same policy).
  await page.getByRole("navigation", { name: "Instance" }).getByRole("link", { name: "Basic Information" }).click();
  await expect(page).toHaveURL(new RegExp(`/change-tracking/${INSTANCE}$`));
}
