// The DTS OpenAPI against the production server (docs/rules.md "OpenAPI", "AccessKeys"), called by
// the official clients, unmodified, pointed at the console's origin. Each test makes its own users,
// AccessKeys and instances; the console's pages (as the demo admin) show what the API changed.
import { DEFAULT_DEMO_ACCESS_KEY_SECRET, DEMO_ACCESS_KEYS } from "../lib/demo";
import { openApiClient, popCore, signedV1Query, type ApiBody } from "../test/openapi-clients";
import { reload, signIn, storageStateOf, TEST_REGION, visit } from "./fixtures";
import { expect, test } from "./openapi-fixtures";
import { ConsumePage } from "./pages/consume-page";

const credentialsOf = (user: { accessKeyId: string; accessKeySecret: string }) => ({
  accessKeyId: user.accessKeyId,
  accessKeySecret: user.accessKeySecret,
});

test.describe("with the admin's console open", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("both clients create, describe, change, reset and delete; the console shows each change", async ({
    page,
    request,
    endpoint,
    apiUser,
    createInstance,
    unique,
  }) => {
    const instance = await createInstance();
    const admin = await apiUser("admin");
    const v1 = popCore(endpoint, credentialsOf(admin));
    const v3 = openApiClient(endpoint, credentialsOf(admin));
    const name = unique("api-life");
    const consume = new ConsumePage(page);

    // Create (V1, form POST): the Data Consume page lists it.
    const created = await v1.call("CreateConsumerGroup", {
      SubscriptionInstanceId: instance.id,
      ConsumerGroupName: name,
      ConsumerGroupUserName: "api_reader",
      ConsumerGroupPassword: "First#Pass1",
      RegionId: TEST_REGION.id,
    });
    expect(created.Success).toBe("true");
    const groupId = created.ConsumerGroupID as string;
    await consume.open(instance.id);
    await expect(consume.groupId(name)).toHaveText(groupId);

    // Describe: both families, both signatures.
    const described = await v1.call("DescribeConsumerGroup", { SubscriptionInstanceId: instance.id }, "GET");
    expect((described.ConsumerChannels as { DescribeConsumerChannel: ApiBody[] }).DescribeConsumerChannel).toEqual([
      // No consumer yet: no checkpoint, and DTS's -1 for the metrics.
      { ConsumerGroupID: groupId, ConsumerGroupName: name, ConsumerGroupUserName: "api_reader", MessageDelay: -1, UnconsumedData: -1 },
    ]);
    const channels = await v3.call("DescribeConsumerChannel", { DtsInstanceId: instance.id, RegionId: TEST_REGION.id });
    expect(channels).toMatchObject({
      Success: "true",
      HttpStatusCode: "200",
      TotalRecordCount: 1,
      ConsumerChannels: [{ ConsumerGroupId: groupId, ConsumerGroupName: name }],
    });

    // Change (V1, GET) with the current password: the consumer check follows.
    const user = `api_reader-${groupId}`;
    const connect = (password: string) => request.post("/api/consumer/connect", { data: { user, password } });
    await v1.call(
      "ModifyConsumerGroupPassword",
      {
        SubscriptionInstanceId: instance.id,
        ConsumerGroupID: groupId,
        ConsumerGroupPassword: "First#Pass1",
        consumerGroupNewPassword: "Second#Pass2",
      },
      "GET",
    );
    expect((await connect("First#Pass1")).status()).toBe(401);
    const granted = await connect("Second#Pass2");
    expect(granted.status()).toBe(200);
    const { leaseToken } = (await granted.json()) as { leaseToken: string };
    const heartbeat = await request.post("/api/consumer/heartbeat", {
      data: { groupId, leaseToken, checkpoint: new Date().toISOString(), unconsumed: 7 },
    });
    expect(heartbeat.status()).toBe(200);
    await reload(page);
    await expect(consume.unconsumedData(name)).toHaveText("7");

    // Reset (V3, ModifyConsumerChannel, no current password): the live consumer is disconnected.
    await v3.call("ModifyConsumerChannel", { DtsInstanceId: instance.id, ConsumerGroupId: groupId, ConsumerGroupPassword: "Third#Pass3" });
    await reload(page);
    await expect(consume.unconsumedData(name)).toHaveText("—");
    expect((await connect("Second#Pass2")).status()).toBe(401);
    expect((await connect("Third#Pass3")).status()).toBe(200);

    // The audit log says each change came through the API, with the AccessKey.
    await visit(page, `/audit?instance=${instance.id}`);
    for (const action of ["createConsumerGroup", "changeConsumerGroupPassword", "resetConsumerGroupPassword"]) {
      await expect(
        page
          .getByRole("row")
          .filter({ hasText: action })
          .filter({ hasText: `API · ${admin.accessKeyId}` }),
      ).toHaveCount(1);
    }

    // Delete (V3): gone from the page.
    await v3.call("DeleteConsumerChannel", { DtsInstanceId: instance.id, ConsumerGroupId: groupId });
    await consume.open(instance.id);
    await expect(consume.row(name)).toHaveCount(0);
    await expect(consume.quota).toHaveText("0 / 20");
  });

  test("refuses the viewer and the operator what their roles may not do; nothing changes", async ({
    page,
    endpoint,
    apiUser,
    createInstance,
  }) => {
    const instance = await createInstance({ groups: 1 });
    const group = instance.groups[0];
    const viewer = await apiUser("viewer");
    const operator = await apiUser("operator");

    const create = await popCore(endpoint, credentialsOf(viewer)).refusal("CreateConsumerGroup", {
      SubscriptionInstanceId: instance.id,
      ConsumerGroupName: "by-viewer",
      ConsumerGroupUserName: "v",
      ConsumerGroupPassword: "View#Pass1",
    });
    expect([create.code, create.status]).toEqual(["Forbidden.RAM", 403]);
    for (const [action, params] of [
      ["ModifyConsumerChannel", { DtsInstanceId: instance.id, ConsumerGroupId: group.id, ConsumerGroupPassword: "Oper#Pass1" }],
      ["DeleteConsumerChannel", { DtsInstanceId: instance.id, ConsumerGroupId: group.id }],
    ] as const) {
      const refusal = await openApiClient(endpoint, credentialsOf(operator)).refusal(action, params);
      expect([refusal.code, refusal.status]).toEqual(["Forbidden.RAM", 403]);
    }
    // A viewer reads; an operator changes a password knowing the current one.
    const read = await openApiClient(endpoint, credentialsOf(viewer)).call("DescribeSubscriptionInstanceStatus", {
      SubscriptionInstanceId: instance.id,
    });
    expect(read).toMatchObject({
      SubscriptionInstanceID: instance.id,
      SubscriptionInstanceName: instance.name,
      Status: "Normal",
      TaskId: instance.id.slice(3),
    });
    await popCore(endpoint, credentialsOf(operator)).call("ModifyConsumerGroupPassword", {
      SubscriptionInstanceId: instance.id,
      ConsumerGroupID: group.id,
      ConsumerGroupPassword: group.password,
      consumerGroupNewPassword: "Oper#Pass2",
    });

    const consume = await new ConsumePage(page).open(instance.id);
    await expect(consume.row(group.name)).toBeVisible();
    await expect(consume.row("by-viewer")).toHaveCount(0);
    await visit(page, `/audit?instance=${instance.id}&result=refused`);
    await expect(page.getByRole("row").filter({ hasText: "Forbidden.Role" })).toHaveCount(3);
  });
});

test("refuses quota, name, account and password with the console's codes", async ({ endpoint, apiUser, createInstance }) => {
  const full = await createInstance({ groups: 20 });
  const open = await createInstance({ groups: 1 });
  const client = popCore(endpoint, credentialsOf(await apiUser("operator")));
  const base = {
    SubscriptionInstanceId: open.id,
    ConsumerGroupName: "api-refused",
    ConsumerGroupUserName: "api_reader",
    ConsumerGroupPassword: "Good#Pass1",
  };
  const cases: [Record<string, string>, string][] = [
    [{ SubscriptionInstanceId: full.id }, "QuotaExceeded.ConsumerGroup"],
    [{ ConsumerGroupName: open.groups[0].name }, "ConsumerGroup.AlreadyExists"],
    [{ ConsumerGroupName: "sec-\u202egnp.exe" }, "InvalidParameter"],
    [{ ConsumerGroupUserName: "no-dashes" }, "InvalidParameter.UserName"],
    [{ ConsumerGroupPassword: "alllowercase" }, "InvalidParameter.Password"],
  ];
  for (const [change, code] of cases) {
    const refusal = await client.refusal("CreateConsumerGroup", { ...base, ...change });
    expect([refusal.code, refusal.status, refusal.data.ErrCode, refusal.data.Success, refusal.data.HttpStatusCode]).toEqual([
      code,
      400,
      code,
      "false",
      "400",
    ]);
    expect(refusal.data.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  }
  const wrongOld = await client.refusal("ModifyConsumerGroupPassword", {
    SubscriptionInstanceId: open.id,
    ConsumerGroupID: open.groups[0].id,
    ConsumerGroupPassword: "Wrong#Pass1",
    consumerGroupNewPassword: "Next#Pass2",
  });
  expect(wrongOld.code).toBe("InvalidParameter.Password");
});

test("refuses wrong secrets, unknown and disabled keys, replays, stale timestamps and tampered parameters", async ({
  request,
  endpoint,
  apiUser,
  db,
}) => {
  const user = await apiUser("viewer");
  const credentials = credentialsOf(user);
  const describe = { RegionId: TEST_REGION.id, PageSize: 1 };

  const wrong = await popCore(endpoint, { ...credentials, accessKeySecret: "NotTheSecret" }).refusal(
    "DescribeSubscriptionInstances",
    describe,
  );
  expect([wrong.code, wrong.status]).toEqual(["SignatureDoesNotMatch", 400]);
  const wrongV3 = await openApiClient(endpoint, { ...credentials, accessKeySecret: "NotTheSecret" }).refusal(
    "DescribeSubscriptionInstances",
    describe,
  );
  expect([wrongV3.code, wrongV3.status]).toEqual(["SignatureDoesNotMatch", 400]);
  const unknown = await popCore(endpoint, { accessKeyId: "LTAI0000UnknownKey000001", accessKeySecret: "x" }).refusal(
    "DescribeSubscriptionInstances",
    describe,
  );
  expect([unknown.code, unknown.status]).toEqual(["InvalidAccessKeyId.NotFound", 404]);

  // A request signed once is accepted once.
  const once = signedV1Query(credentials, "DescribeSubscriptionInstances", { RegionId: TEST_REGION.id });
  expect((await request.get(`/?${once.toString()}`)).status()).toBe(200);
  const replay = await request.get(`/?${once.toString()}`);
  expect([replay.status(), ((await replay.json()) as ApiBody).Code]).toEqual([400, "SignatureNonceUsed"]);

  const stale = signedV1Query(
    credentials,
    "DescribeSubscriptionInstances",
    { RegionId: TEST_REGION.id },
    { timestamp: new Date(Date.now() - 20 * 60_000) },
  );
  const staleRes = await request.get(`/?${stale.toString()}`);
  expect([staleRes.status(), ((await staleRes.json()) as ApiBody).Code]).toEqual([400, "InvalidTimeStamp.Expired"]);

  const tampered = signedV1Query(credentials, "DescribeSubscriptionInstances", { RegionId: TEST_REGION.id });
  tampered.set("RegionId", "cn-hangzhou");
  const tamperedRes = await request.get(`/?${tampered.toString()}`);
  const tamperedBody = (await tamperedRes.json()) as ApiBody;
  expect([tamperedRes.status(), tamperedBody.Code, tamperedBody.Message]).toEqual([
    400,
    "SignatureDoesNotMatch",
    "Specified signature is not matched with our calculation.",
  ]);
  expect(tamperedRes.headers()["cache-control"]).toBe("no-store");

  // Disabled behind the client's back: refused from the next call on.
  await db.accessKey.update({ where: { id: user.accessKeyId }, data: { status: "Inactive" } });
  const disabled = await openApiClient(endpoint, credentials).refusal("DescribeSubscriptionInstances", describe);
  expect([disabled.code, disabled.status]).toEqual(["InvalidAccessKeyId.Inactive", 400]);
});

test("the demo AccessKeys work with the documented secret; / is the API for signed calls and the console for browsers", async ({
  page,
  request,
  endpoint,
}) => {
  const viewer = popCore(endpoint, { accessKeyId: DEMO_ACCESS_KEYS.viewer, accessKeySecret: DEFAULT_DEMO_ACCESS_KEY_SECRET });
  const list = await viewer.call("DescribeSubscriptionInstances", { RegionId: "cn-hangzhou", PageSize: 5 }, "GET");
  expect(list).toMatchObject({ Success: "true", PageNumber: 1, PageRecordCount: 5 });
  expect((list.SubscriptionInstances as { SubscriptionInstance: ApiBody[] }).SubscriptionInstance).toHaveLength(5);

  const unsigned = await request.get("/?Action=DescribeConsumerGroup&Version=2020-01-01");
  expect(unsigned.status()).toBe(400);
  expect(((await unsigned.json()) as ApiBody).Code).toBe("MissingParameter");
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await visit(page, "/");
  await expect(page).toHaveURL(/\/change-tracking$/);
});

test("the AccessKey page: created once, used, disabled, deleted", async ({ page, endpoint, apiUser }) => {
  const user = await apiUser("operator", { withKey: false });
  await signIn(page, user.username, user.password);
  await expect(page.getByRole("heading", { name: "Change Tracking Tasks" })).toBeVisible();
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "AccessKeys" }).click();
  await expect(page.getByRole("heading", { name: "AccessKeys", level: 1 })).toBeVisible();
  await expect(page.getByText("No AccessKeys yet")).toBeVisible();

  // Create: the secret is shown once.
  await page.getByRole("button", { name: "Create AccessKey" }).click();
  const create = page.getByRole("dialog", { name: "Create AccessKey" });
  await create.getByRole("button", { name: "Create" }).click();
  const shown = page.getByRole("dialog", { name: "AccessKey Created" });
  const accessKeyId = (await shown.getByTestId("created-access-key-id").textContent())!;
  const accessKeySecret = (await shown.getByTestId("created-access-key-secret").textContent())!;
  expect(accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
  expect(accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  const row = page.getByTestId(`access-key-${accessKeyId}`);
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("Never");

  // It signs calls; the page says when and from where it was last used.
  const client = openApiClient(endpoint, { accessKeyId, accessKeySecret });
  expect((await client.call("DescribeSubscriptionInstances", { RegionId: TEST_REGION.id })).Success).toBe("true");
  await reload(page);
  await expect(row).toContainText("from 127.0.0.1");
  expect(await page.content()).not.toContain(accessKeySecret);

  // A second fits; a third does not.
  await page.getByRole("button", { name: "Create AccessKey" }).click();
  await create.getByRole("button", { name: "Create" }).click();
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(page.getByLabel(/^Create AccessKey \(unavailable: You hold 2 AccessKeys/)).toBeVisible();

  // Disable: refused at once; enable again: accepted.
  await row.getByRole("button", { name: `Disable ${accessKeyId}` }).click();
  await expect(row).toContainText("Disabled");
  expect((await client.refusal("DescribeSubscriptionInstances", { RegionId: TEST_REGION.id })).code).toBe("InvalidAccessKeyId.Inactive");
  await row.getByRole("button", { name: `Enable ${accessKeyId}` }).click();
  await expect(row).toContainText("Enabled");
  expect((await client.call("DescribeSubscriptionInstances", { RegionId: TEST_REGION.id })).Success).toBe("true");

  // Delete: gone, and refused as unknown.
  await row.getByRole("button", { name: `Delete ${accessKeyId}` }).click();
  const confirm = page.getByRole("dialog", { name: "Delete AccessKey?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveCount(0);
  expect((await client.refusal("DescribeSubscriptionInstances", { RegionId: TEST_REGION.id })).code).toBe("InvalidAccessKeyId.NotFound");
});
