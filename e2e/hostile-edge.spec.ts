// The hostile corpus at the edge (docs/rules.md "Client address", README "Security"): what a client
// says about itself (forwarded headers, hosts, addresses) and the answers Next.js and the server
// make themselves.
import { randomUUID } from "node:crypto";
import { actionBody, asClient, callAction } from "./actions";
import { OPENAPI_HOST_HEADER } from "../lib/openapi/detect";
import { API_VERSION, sha256Hex, v3CanonicalRequest, v3Signature } from "../lib/openapi/signature";
import { STATIC_ASSET_CSP, STATIC_SECURITY_HEADERS } from "../lib/security/headers";
import { startConsole, type ConsoleServer } from "../test/helpers/console-http";
import { popCore, type ApiBody } from "../test/openapi-clients";
import { ANONYMOUS, TEST_REGION, expect, storageStateOf, test } from "./fixtures";
import { test as apiTest } from "./openapi-fixtures";
import { readServerState } from "./server-state";

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
