// The hostile corpus: every field of every action, route handler and query parameter, fed what an
// attacker or a broken client sends. For each case: an answer below 500, a clear message where
// refused, row counts unchanged where refused, and anything stored shown as text with no script run.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { callAction, type ActionAnswer } from "./actions";
import { ERROR_CODES } from "../lib/error-codes";
import { OPENAPI_HOST_HEADER } from "../lib/openapi/detect";
import { API_VERSION, sha256Hex, v3CanonicalRequest, v3Signature } from "../lib/openapi/signature";
import { STATIC_ASSET_CSP, STATIC_SECURITY_HEADERS } from "../lib/security/headers";
import { startConsole, type ConsoleServer } from "../test/helpers/console-http";
import { popCore, type ApiBody } from "../test/openapi-clients";
import { ANONYMOUS, GROUP_PASSWORD, SEED, TEST_REGION, expect, storageStateOf, test, visit, type SeededInstance } from "./fixtures";
import { test as apiTest } from "./openapi-fixtures";
import { readServerState } from "./server-state";

const MISSING = Symbol("missing");
type Value = string | number | boolean | null | unknown[] | Record<string, unknown> | typeof MISSING;

/** Text an attacker types. The last five are legitimate names (shown as text), not passwords or ids. */
const STRINGS: [string, string][] = [
  ["overlong", "x".repeat(10_000)],
  ["empty", ""],
  ["whitespace", "   \t "],
  ["zero-width", "\u200b\u200c\u200d"],
  ["bidi", "sec-\u202egnp.exe"],
  ["NUL", "a\u0000b"],
  ["lone surrogate", "ab\ud800"],
  ["homoglyph", "аdmin-оrders"],
  ["emoji", "orders 🚀📦"],
  ["SQL", "x'); DROP TABLE consumer_group; --"],
  ["HTML", '<img src=x onerror="window.__pwned=1">'],
  ["script", "<script>window.__pwned=1</script>"],
];
const NAME_OK = new Set(["homoglyph", "emoji", "SQL", "HTML", "script"]);
const TYPES: [string, Value][] = [
  ["number", 12345],
  ["boolean", true],
  ["null", null],
  ["array", ["a", "b"]],
  ["object", { $ne: "" }],
  ["missing", MISSING],
];
const VALUES: [string, Value][] = [...STRINGS, ...TYPES];

function withField(base: Record<string, unknown>, field: string, value: Value) {
  if (value === MISSING) return Object.fromEntries(Object.entries(base).filter(([key]) => key !== field));
  return { ...base, [field]: value };
}

/** Percent-encodes like a browser would, and a lone surrogate as the raw (invalid UTF-8) bytes an attacker can send. */
const enc = (value: string) =>
  value
    .split(/([\ud800-\udfff])/)
    .map((part) => (/^[\ud800-\udfff]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");

/** The action's own serialisation: its single argument in a JSON array. */
const actionBody = (input: unknown) => JSON.stringify([input]);

function expectRefused(answer: ActionAnswer, label: string) {
  expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  expect(answer.result, `${label}: a result object`).toBeDefined();
  expect(answer.result!.ok, label).toBe(false);
  expect(ERROR_CODES as readonly string[], label).toContain(answer.result!.code);
  expect(answer.result!.message, label).toBeTruthy();
}

let clientSeq = 0;
/** A distinct client address per request (the e2e server trusts one proxy hop), so the corpus never trips throttles other tests share. */
const asClient = (workerIndex: number) => ({ "x-forwarded-for": `198.18.${workerIndex}.${(clientSeq++ % 250) + 1}` });

test.describe("server actions", () => {
  test.use({ storageState: storageStateOf("operator") });
  let operator: APIRequestContext;
  let admin: APIRequestContext;
  test.beforeEach(async ({ playwright, baseURL }) => {
    operator = await playwright.request.newContext({ baseURL, storageState: storageStateOf("operator") });
    admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
  });
  test.afterEach(async () => {
    await operator.dispose();
    await admin.dispose();
  });

  for (const field of ["name", "account", "password", "confirmPassword", "instanceId"]) {
    test(`createConsumerGroup: ${field}`, async ({ page, baseURL, createInstance, db }, testInfo) => {
      const instance = await createInstance();
      const base = { instanceId: instance.id, name: "", account: "reader_h", password: "Hostile#123", confirmPassword: "Hostile#123" };
      const accepted: string[] = [];
      for (const [label, value] of VALUES) {
        const input = withField({ ...base, name: `h-${field}-${label}` }, field, value);
        const before = await db.consumerGroup.count({ where: { instanceId: instance.id } });
        const answer = await callAction(operator, baseURL!, "createConsumerGroup", actionBody(input), {
          headers: asClient(testInfo.workerIndex),
        });
        const after = await db.consumerGroup.count({ where: { instanceId: instance.id } });
        if (field === "name" && NAME_OK.has(label)) {
          expect(answer.result?.ok, `${field}/${label}: ${answer.text.slice(0, 300)}`).toBe(true);
          expect(after, `${field}/${label}`).toBe(before + 1);
          const stored = await db.consumerGroup.findFirst({ where: { instanceId: instance.id, name: (value as string).normalize("NFC") } });
          expect(stored, `${field}/${label} stored as typed`).not.toBeNull();
          accepted.push(value as string);
        } else {
          expectRefused(answer, `${field}/${label}`);
          expect(after, `${field}/${label}: nothing written`).toBe(before);
        }
      }
      // What was stored is shown as text: no script runs, no dialog opens.
      if (accepted.length) {
        page.on("dialog", () => {
          throw new Error("a stored value opened a dialog");
        });
        await visit(page, `/change-tracking/${instance.id}/consume`);
        for (const name of accepted) await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      }
    });
  }

  const changeFields = ["groupId", "oldPassword", "newPassword", "confirmPassword"];
  for (const field of changeFields) {
    test(`changeConsumerGroupPassword: ${field}`, async ({ baseURL, createInstance, db }, testInfo) => {
      const instance: SeededInstance = await createInstance({ groups: 1 });
      const group = instance.groups[0];
      const hashBefore = (await db.consumerGroup.findUniqueOrThrow({ where: { id: group.id }, select: { passwordHash: true } }))
        .passwordHash;
      const base = { groupId: group.id, oldPassword: GROUP_PASSWORD, newPassword: "Changed#123", confirmPassword: "Changed#123" };
      for (const [label, value] of VALUES) {
        const answer = await callAction(operator, baseURL!, "changeConsumerGroupPassword", actionBody(withField(base, field, value)), {
          headers: asClient(testInfo.workerIndex),
        });
        expectRefused(answer, `${field}/${label}`);
      }
      const hashAfter = (await db.consumerGroup.findUniqueOrThrow({ where: { id: group.id }, select: { passwordHash: true } }))
        .passwordHash;
      expect(hashAfter).toBe(hashBefore);
    });
  }

  for (const field of ["groupId", "newPassword", "confirmPassword"]) {
    test(`resetConsumerGroupPassword: ${field}`, async ({ baseURL, createInstance, db }, testInfo) => {
      const instance = await createInstance({ groups: 1 });
      const group = instance.groups[0];
      const hashBefore = (await db.consumerGroup.findUniqueOrThrow({ where: { id: group.id }, select: { passwordHash: true } }))
        .passwordHash;
      const base = { groupId: group.id, newPassword: "Reset#12345", confirmPassword: "Reset#12345" };
      for (const [label, value] of VALUES) {
        const answer = await callAction(admin, baseURL!, "resetConsumerGroupPassword", actionBody(withField(base, field, value)), {
          headers: asClient(testInfo.workerIndex),
        });
        expectRefused(answer, `${field}/${label}`);
      }
      const hashAfter = (await db.consumerGroup.findUniqueOrThrow({ where: { id: group.id }, select: { passwordHash: true } }))
        .passwordHash;
      expect(hashAfter).toBe(hashBefore);
    });
  }

  test("deleteConsumerGroup: groupId", async ({ baseURL, createInstance, db }, testInfo) => {
    const instance = await createInstance({ groups: 1 });
    for (const [label, value] of VALUES) {
      const answer = await callAction(admin, baseURL!, "deleteConsumerGroup", actionBody(withField({}, "groupId", value)), {
        headers: asClient(testInfo.workerIndex),
      });
      expectRefused(answer, `groupId/${label}`);
    }
    expect(await db.consumerGroup.count({ where: { instanceId: instance.id } })).toBe(1);
  });

  test('an argument React would decode as a special value ("$T" and the like) is refused 400, not 500', async ({
    baseURL,
    createInstance,
    db,
  }, testInfo) => {
    const instance = await createInstance();
    const valid = { instanceId: instance.id, name: "dollar", account: "dollar_r", password: "Dollar#123", confirmPassword: "Dollar#123" };
    // What React's decodeReply reads as a temporary reference, a Date, a BigInt, a Map, FormData, a
    // promise, a path into the body…: its client never writes these for a user's string.
    for (const special of ["$T", "$D2026-01-01T00:00:00.000Z", "$n1", "$Q0", "$K1", "$@1", "$0"]) {
      for (const body of [JSON.stringify([special]), JSON.stringify([{ ...valid, name: special }])]) {
        const answer = await callAction(operator, baseURL!, "createConsumerGroup", body, { headers: asClient(testInfo.workerIndex) });
        expect(answer.status, `${body}: ${answer.text.slice(0, 200)}`).toBe(400);
        expect(JSON.parse(answer.text), body).toMatchObject({ code: "InvalidParameter" });
      }
    }
    // React's client escapes a user's "$T" as "$$T": the action gets the string "$T" and answers for itself.
    const escaped = await callAction(operator, baseURL!, "createConsumerGroup", JSON.stringify([{ ...valid, name: "$$T" }]), {
      headers: asClient(testInfo.workerIndex),
    });
    expect(escaped.status, escaped.text.slice(0, 200)).toBeLessThan(500);
    expect(escaped.result, escaped.text.slice(0, 200)).toBeDefined();
    expect(await db.consumerGroup.count({ where: { instanceId: instance.id, name: { not: "$T" } } })).toBe(0);
  });

  test("the action transport: bodies that are not the action's arguments", async ({ baseURL, createInstance, db }, testInfo) => {
    const instance = await createInstance();
    const bodies: [string, string, Record<string, string>][] = [
      ["not JSON", "{{{ not json", {}],
      ["two arguments", JSON.stringify([{ instanceId: instance.id }, "extra"]), {}],
      ["no arguments", "[]", {}],
      ["a bare string", JSON.stringify("hello"), {}],
      ["a number", "42", {}],
      [
        "multipart",
        '--x\r\nContent-Disposition: form-data; name="1"\r\n\r\n{}\r\n--x--\r\n',
        { "content-type": "multipart/form-data; boundary=x" },
      ],
      ["form-encoded", "name=x&account=y", { "content-type": "application/x-www-form-urlencoded" }],
      ["huge", JSON.stringify([{ instanceId: instance.id, name: "x".repeat(2 * 1024 * 1024) }]), {}],
      [
        "foreign origin",
        actionBody({ instanceId: instance.id, name: "foreign", account: "a", password: "Foreign#123", confirmPassword: "Foreign#123" }),
        { origin: "https://evil.invalid" },
      ],
    ];
    for (const [label, body, headers] of bodies) {
      const answer = await callAction(operator, baseURL!, "createConsumerGroup", body, {
        headers: { ...asClient(testInfo.workerIndex), ...headers },
      });
      expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
      if (answer.result) expect(answer.result.ok, label).toBe(false);
      else expect(answer.status, label).toBeGreaterThanOrEqual(400);
    }
    expect(await db.consumerGroup.count({ where: { instanceId: instance.id } })).toBe(0);
  });
});

test.describe("consumer endpoints", () => {
  const post = (request: APIRequestContext, path: string, body: unknown, headers: Record<string, string>) =>
    request.post(path, {
      headers: { "content-type": "application/json", ...headers },
      data: typeof body === "string" ? body : JSON.stringify(body),
    });

  async function expectJsonRefusal(res: Awaited<ReturnType<typeof post>>, label: string) {
    expect(res.status(), label).toBeGreaterThanOrEqual(400);
    expect(res.status(), label).toBeLessThan(500);
    expect(res.headers()["cache-control"], label).toContain("no-store");
    const body = (await res.json()) as { code?: string; message?: string };
    expect(ERROR_CODES as readonly string[], label).toContain(body.code);
    expect(body.message, label).toBeTruthy();
  }

  for (const field of ["user", "password"]) {
    test(`connect: ${field}`, async ({ request, createInstance }, testInfo) => {
      const instance = await createInstance({ groups: 1 });
      const group = instance.groups[0];
      for (const [label, value] of VALUES) {
        const res = await post(
          request,
          "/api/consumer/connect",
          withField({ user: group.user, password: group.password }, field, value),
          asClient(testInfo.workerIndex),
        );
        await expectJsonRefusal(res, `${field}/${label}`);
      }
      // The right credentials still work: nothing above locked the group.
      const ok = await post(
        request,
        "/api/consumer/connect",
        { user: group.user, password: group.password },
        asClient(testInfo.workerIndex),
      );
      expect(ok.status()).toBe(200);
    });
  }

  for (const field of ["groupId", "leaseToken", "checkpoint", "unconsumed"]) {
    test(`heartbeat: ${field}`, async ({ request, createInstance, db }, testInfo) => {
      const instance = await createInstance({ groups: 1 });
      const group = instance.groups[0];
      const lease = (await (
        await post(request, "/api/consumer/connect", { user: group.user, password: group.password }, asClient(testInfo.workerIndex))
      ).json()) as { leaseToken: string };
      const base = {
        groupId: group.id,
        leaseToken: lease.leaseToken,
        checkpoint: new Date(Date.now() - 5000).toISOString(),
        unconsumed: 10,
      };
      expect((await post(request, "/api/consumer/heartbeat", base, asClient(testInfo.workerIndex))).status(), "the valid heartbeat").toBe(
        200,
      );
      const extra: [string, Value][] =
        field === "checkpoint"
          ? [
              ["year 1", "0001-01-01T00:00:00Z"],
              ["impossible date", "2026-99-99T00:00:00Z"],
              ["not a date", "yesterday"],
              ["epoch number", 0],
            ]
          : field === "unconsumed"
            ? [
                ["too large", 1e12],
                ["negative", -5],
                ["fraction", 1.5],
                ["numeric string", "10"],
                ["NaN-ish", "NaN"],
              ]
            : [];
      for (const [label, value] of [...VALUES, ...extra]) {
        const res = await post(request, "/api/consumer/heartbeat", withField(base, field, value), asClient(testInfo.workerIndex));
        if ((value === MISSING && (field === "checkpoint" || field === "unconsumed")) || (field === "unconsumed" && label === "number")) {
          expect(res.status(), `${field}/${label} is valid`).toBe(200);
        } else {
          await expectJsonRefusal(res, `${field}/${label}`);
        }
      }
      expect((await post(request, "/api/consumer/heartbeat", base, asClient(testInfo.workerIndex))).status(), "the lease is alive").toBe(
        200,
      );
      const row = await db.consumerGroup.findUniqueOrThrow({
        where: { id: group.id },
        select: { unconsumedRecords: true, messageDelaySeconds: true },
      });
      expect(row.unconsumedRecords).toBe(10);
      expect(row.messageDelaySeconds).toBeGreaterThanOrEqual(0);
    });
  }

  for (const field of ["groupId", "leaseToken"]) {
    test(`disconnect: ${field}`, async ({ request, createInstance, db }, testInfo) => {
      const instance = await createInstance({ groups: 1 });
      const group = instance.groups[0];
      const lease = (await (
        await post(request, "/api/consumer/connect", { user: group.user, password: group.password }, asClient(testInfo.workerIndex))
      ).json()) as { leaseToken: string };
      for (const [label, value] of VALUES) {
        const res = await post(
          request,
          "/api/consumer/disconnect",
          withField({ groupId: group.id, leaseToken: lease.leaseToken }, field, value),
          asClient(testInfo.workerIndex),
        );
        await expectJsonRefusal(res, `${field}/${label}`);
      }
      expect(await db.consumerLease.count({ where: { groupId: group.id } }), "the real lease is still there").toBe(1);
    });
  }

  test("transport: bodies that are not a JSON object", async ({ request }, testInfo) => {
    const cases: [string, string, Record<string, string>][] = [
      ["not JSON", "{{{", {}],
      ["an array", "[1,2]", {}],
      ["a string", '"user"', {}],
      ["null", "null", {}],
      ["form-encoded", "user=a&password=b", { "content-type": "application/x-www-form-urlencoded" }],
      ["no content type", "{}", { "content-type": "" }],
      ["huge", JSON.stringify({ user: "x".repeat(2 * 1024 * 1024), password: "y" }), {}],
    ];
    for (const path of ["/api/consumer/connect", "/api/consumer/heartbeat", "/api/consumer/disconnect"]) {
      for (const [label, body, headers] of cases) {
        await expectJsonRefusal(await post(request, path, body, { ...asClient(testInfo.workerIndex), ...headers }), `${path} ${label}`);
      }
    }
  });
});

test.describe("query strings and paths", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("task list parameters", async ({ request }) => {
    for (const param of ["q", "status", "sort", "page", "pageSize", "region"]) {
      for (const [label, value] of STRINGS) {
        const res = await request.get(`/change-tracking?${param}=${enc(value)}`);
        expect(res.status(), `${param}/${label}`).toBe(200);
      }
    }
  });

  test("audit log filters", async ({ request }) => {
    const extra: [string, string][] = [
      ["impossible date", "2026-99-99"],
      ["year 1", "0001-01-01"],
      ["Feb 30", "2026-02-30"],
    ];
    for (const param of ["action", "user", "instance", "result", "from", "to", "page"]) {
      for (const [label, value] of [...STRINGS, ...extra]) {
        const res = await request.get(`/audit?${param}=${enc(value)}`);
        expect(res.status(), `${param}/${label}`).toBe(200);
      }
    }
  });

  test("instance paths and the consumer group list API", async ({ request }) => {
    for (const [label, value] of STRINGS) {
      const id = enc(value.slice(0, 2000)) || "%20";
      for (const path of [`/change-tracking/${id}`, `/change-tracking/${id}/consume`, `/api/instances/${id}/consumer-groups`]) {
        const res = await request.get(path);
        expect(res.status(), `${path.slice(0, 60)} (${label})`).toBeLessThan(500);
        // Not an instance (404), or not even a valid address (400 for the lone surrogate's bytes).
        expect([404, 400], `${label}: no such instance`).toContain(res.status());
      }
    }
    // A foreign but well-formed id is not found either.
    expect((await request.get("/api/instances/dtsforeign000000/consumer-groups")).status()).toBe(404);
  });

  test("sign-in with hostile credentials; what they wrote to the audit log is shown as text", async ({
    playwright,
    baseURL,
    page,
  }, testInfo) => {
    const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const { csrfToken } = (await (await anon.get("/api/auth/csrf")).json()) as { csrfToken: string };
    let n = 0;
    for (const field of ["username", "password"]) {
      for (const [label, value] of VALUES) {
        const form = withField({ username: `nobody${n++}`, password: "Wrong#123", csrfToken, json: "true" }, field, value);
        const res = await anon.post("/api/auth/callback/credentials", {
          form: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
          headers: asClient(testInfo.workerIndex),
          maxRedirects: 0,
        });
        expect(res.status(), `${field}/${label}`).toBeLessThan(500);
        // No session was made.
        const session = (await (await anon.get("/api/auth/session")).json()) as { user?: unknown };
        expect(session.user, `${field}/${label}`).toBeUndefined();
      }
    }
    await anon.dispose();
    page.on("dialog", () => {
      throw new Error("an audit record opened a dialog");
    });
    await visit(page, `/audit?action=signIn&user=${encodeURIComponent("<script>")}`);
    await expect(page.getByText("<script>window.__pwned=1</script>", { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test("the seeded instance is untouched by all of this", async ({ db }) => {
    const groups = await db.consumerGroup.count({ where: { instanceId: SEED.normal } });
    expect(groups).toBe(3);
  });
});

/** Every header lib/security/headers.ts sets, with the policy of an answer no page runs in unless `csp` says otherwise. */
function expectSecurityHeaders(headers: Record<string, string>, label: string, csp: string | RegExp = STATIC_ASSET_CSP) {
  for (const { key, value } of STATIC_SECURITY_HEADERS) expect(headers[key.toLowerCase()], `${label}: ${key}`).toBe(value);
  if (typeof csp === "string") expect(headers["content-security-policy"], `${label}: CSP`).toBe(csp);
  else expect(headers["content-security-policy"], `${label}: CSP`).toMatch(csp);
}

test.describe("the edge: what a client says about itself, and answers Next.js makes itself", () => {
  test("a slash fix-up redirect carries every security header", async ({ playwright, baseURL }) => {
    for (const state of [ANONYMOUS, storageStateOf("viewer")]) {
      const api = await playwright.request.newContext({ baseURL, storageState: state, maxRedirects: 0 });
      for (const path of ["/change-tracking/", "/audit/", "/login/", "/api/openapi/"]) {
        const res = await api.get(path);
        expect(res.status(), path).toBe(308);
        expectSecurityHeaders(res.headers(), `${path} 308`);
      }
      await api.dispose();
    }
  });

  test("the files of public/ are public, and the image route answers no 500", async ({ playwright, baseURL }) => {
    const files: [string, RegExp][] = [
      ["/icon.svg", /^image\/svg\+xml/],
      ["/apple-touch-icon.png", /^image\/png/],
      ["/icon-192.png", /^image\/png/],
      ["/manifest.webmanifest", /^application\/(manifest\+)?json/],
      ["/favicon.ico", /^image\//],
    ];
    for (const state of [ANONYMOUS, storageStateOf("viewer")]) {
      const api = await playwright.request.newContext({ baseURL, storageState: state, maxRedirects: 0 });
      for (const [path, type] of files) {
        const res = await api.get(path);
        expect(res.status(), path).toBe(200);
        expect(res.headers()["content-type"], path).toMatch(type);
        expectSecurityHeaders(res.headers(), path);
        const image = await api.get(`/_next/image?url=${encodeURIComponent(path)}&w=64&q=75`);
        expect(image.status(), `/_next/image of ${path}: ${(await image.text()).slice(0, 200)}`).toBeLessThan(500);
        expectSecurityHeaders(image.headers(), `/_next/image of ${path}`);
      }
      // The image route fetched its url from the app without cookies: a page, a missing file or a
      // Next.js file answered it with a redirect to sign-in, which Next.js turned into a 500.
      for (const path of ["/change-tracking", "/nothing.png", "/_next/static/x.png", "/api/openapi"]) {
        const image = await api.get(`/_next/image?url=${encodeURIComponent(path)}&w=64&q=75`);
        expect(image.status(), `/_next/image of ${path}: ${(await image.text()).slice(0, 200)}`).toBeLessThan(500);
      }
      // Only those files: a path beside them is the console's, behind sign-in.
      if (state === ANONYMOUS) expect((await api.get("/icon.svg.map")).status()).toBe(307);
      await api.dispose();
    }
  });
});

/** A V3 (ACS3-HMAC-SHA256) call's headers, signed for `host` (the SDK signs the Host it connects to). */
function signedV3(
  credentials: { accessKeyId: string; accessKeySecret: string },
  action: string,
  query: Record<string, string>,
  host: string,
) {
  const signed: Record<string, string> = {
    host,
    "x-acs-action": action,
    "x-acs-content-sha256": sha256Hex(""),
    "x-acs-date": new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    "x-acs-signature-nonce": randomUUID(),
    "x-acs-version": API_VERSION,
  };
  const signedHeaders = Object.keys(signed).sort();
  const signature = v3Signature(
    credentials.accessKeySecret,
    v3CanonicalRequest({
      method: "POST",
      path: "/",
      query,
      header: (name) => signed[name] ?? null,
      signedHeaders,
      hashedPayload: signed["x-acs-content-sha256"],
    }),
  );
  const { host: _host, ...headers } = signed;
  return {
    ...headers,
    authorization: `ACS3-HMAC-SHA256 Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders.join(";")},Signature=${signature}`,
  };
}

apiTest.describe("the OpenAPI at its own path", () => {
  apiTest(
    "is bound to the Host the client connected to, whatever host header of ours it sends",
    async ({ playwright, baseURL, apiUser }) => {
      const user = await apiUser("viewer");
      const host = new URL(baseURL!).host;
      const query = { RegionId: TEST_REGION.id };
      const api = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS, maxRedirects: 0 });
      const call = (path: string, headers: Record<string, string>) =>
        api.post(`${path}?${new URLSearchParams(query).toString()}`, { headers: { ...asClient(0), ...headers } });

      // Signed for this console's Host: accepted at "/" and at the handler's own path alike.
      for (const path of ["/", "/api/openapi"]) {
        const res = await call(path, signedV3(user, "DescribeSubscriptionInstances", query, host));
        expect(res.status(), `${path}: ${(await res.text()).slice(0, 200)}`).toBe(200);
      }
      // Signed for another host, with our internal header claiming that host: refused, at both.
      for (const path of ["/api/openapi", "/"]) {
        const res = await call(path, {
          ...signedV3(user, "DescribeSubscriptionInstances", query, "evil.invalid"),
          [OPENAPI_HOST_HEADER]: "evil.invalid",
        });
        const body = (await res.json()) as ApiBody;
        expect([res.status(), body.Code], path).toEqual([400, "SignatureDoesNotMatch"]);
      }
      await api.dispose();
    },
  );

  apiTest(
    "the audit CSV tells an API call with someone's AccessKey from their own console action",
    async ({ playwright, baseURL, endpoint, apiUser, createInstance, unique }) => {
      const instance = await createInstance();
      // An AccessKey made for an operator (the fixture writes it as an admin's "create for" would).
      const operator = await apiUser("operator");
      const name = unique("csv-api");
      const credentials = { accessKeyId: operator.accessKeyId, accessKeySecret: operator.accessKeySecret };
      const created = await popCore(endpoint, credentials).call("CreateConsumerGroup", {
        SubscriptionInstanceId: instance.id,
        ConsumerGroupName: name,
        ConsumerGroupUserName: "csv_reader",
        ConsumerGroupPassword: "Csv#Pass123",
        RegionId: TEST_REGION.id,
      });
      expect(created.Success).toBe("true");

      const admin = await playwright.request.newContext({ baseURL, storageState: storageStateOf("admin") });
      const res = await admin.get(`/audit/export?instance=${instance.id}`);
      expect(res.status()).toBe(200);
      const lines = (await res.text()).trim().split("\r\n");
      const columns = lines[0].split(",");
      expect(columns.slice(-2)).toEqual(["channel", "access_key_id"]);
      const row = lines.find((l) => l.includes('"createConsumerGroup"') && l.includes(`"${operator.username}"`));
      expect(row, lines.join("\n")).toBeDefined();
      expect(row!.endsWith(`"api","${operator.accessKeyId}"`), row).toBe(true);
      await admin.dispose();
    },
  );
});

test.describe("with no trusted proxy (TRUST_PROXY_HOPS=0)", () => {
  // The suite's server trusts one hop (scripts/e2e-server.mjs); a second console on the same
  // database trusts none, as a console with no proxy in front of it runs.
  let direct: ConsoleServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const state = readServerState();
    direct = await startConsole(
      {
        DATABASE_URL: state.databaseUrl,
        DTS_DATA_DIR: "",
        DTS_SECRET_KEY: state.secretKey,
        DEMO_PASSWORD: "",
        DEMO_ACCESS_KEY_SECRET: "",
        DEMO: "1",
        TRUST_PROXY_HOPS: "0",
      },
      { timeoutMs: 90_000 },
    );
  });
  test.afterAll(async () => {
    await direct?.stop();
  });

  test("a client's X-Forwarded-Host, -Proto and -For are its own claims: ignored", async ({ playwright, createInstance, db }) => {
    const instance = await createInstance();
    const operator = await playwright.request.newContext({ baseURL: direct.url, storageState: storageStateOf("operator") });
    const input = {
      instanceId: instance.id,
      name: "forwarded",
      account: "fwd_reader",
      password: "Forward#123",
      confirmPassword: "Forward#123",
    };
    // A foreign Origin with a matching X-Forwarded-Host is still a foreign Origin.
    const foreign = await callAction(operator, direct.url, "createConsumerGroup", actionBody(input), {
      headers: { origin: "https://evil.invalid", "x-forwarded-host": "evil.invalid", "x-forwarded-proto": "https" },
    });
    expect(foreign.status, foreign.text.slice(0, 200)).toBe(403);
    expect(JSON.parse(foreign.text)).toMatchObject({ code: "Forbidden.Origin" });
    expect(await db.consumerGroup.count({ where: { instanceId: instance.id } })).toBe(0);

    // Claiming https over plain http gets no HSTS and no upgrade-insecure-requests.
    const login = await operator.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(login.headers()["strict-transport-security"]).toBeUndefined();
    expect(login.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");

    // The same call from this console's own origin works, and is recorded with the socket's
    // address, not the one the client claims.
    const own = await callAction(operator, direct.url, "createConsumerGroup", actionBody(input), {
      headers: { "x-forwarded-for": "203.0.113.99", "x-dts-peer": "203.0.113.98" },
    });
    expect(own.result?.ok, own.text.slice(0, 200)).toBe(true);
    const record = await db.auditLog.findFirstOrThrow({
      where: { action: "createConsumerGroup", instanceId: instance.id, result: "ok" },
      select: { clientIp: true },
    });
    expect(record.clientIp).toBe("127.0.0.1");
    await operator.dispose();
  });
});
