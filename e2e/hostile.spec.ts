// The hostile corpus: every field of every action, route handler and query parameter, fed what an
// attacker or a broken client sends. For each case: an answer below 500, a clear message where
// refused, row counts unchanged where refused, and anything stored shown as text with no script run.
import type { APIRequestContext } from "@playwright/test";
import { actionBody, asClient, callAction, type ActionAnswer } from "./actions";
import { ERROR_CODES } from "../lib/error-codes";
import { GROUP_PASSWORD, SEED, expect, storageStateOf, test, visit, type SeededInstance } from "./fixtures";

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

function expectRefused(answer: ActionAnswer, label: string) {
  expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
  expect(answer.result, `${label}: a result object`).toBeDefined();
  expect(answer.result!.ok, label).toBe(false);
  expect(ERROR_CODES as readonly string[], label).toContain(answer.result!.code);
  expect(answer.result!.message, label).toBeTruthy();
}

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
