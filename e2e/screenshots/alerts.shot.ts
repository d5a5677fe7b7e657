import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, storageStateOf, visit, TEST_REGION } from "../fixtures";
import { encryptSecret } from "../../lib/auth/access-key-crypto";
import { readServerState } from "../server-state";

// `npm run screenshots`, never `npm test`: the README's pictures of lag health and alerting (the
// Lagging Consumer Groups page, an alert's history with a channel, an instance's alert settings,
// the Monitoring tab).
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

test.use({ storageState: storageStateOf("admin") });

test("lag health and alerts", async ({ page, db, createInstance }) => {
  const instance = await createInstance({
    regionId: TEST_REGION.id,
    name: "payments-cdc",
    groups: [
      { name: "ledger-sync", account: "ledger" },
      { name: "risk-scoring", account: "risk" },
      { name: "search-indexer", account: "search" },
    ],
  });
  const [ledger, risk, search] = instance.groups;
  const now = Date.now();
  for (const [group, connectedAgo, delay, backlog] of [
    [ledger, 1_800_000, 2_460, 48_210],
    [risk, 900_000, 13_253, 312_400],
    [search, 600_000, 95, 1_200],
  ] as const) {
    await db.consumerLease.create({
      data: {
        groupId: group.id,
        clientId: `shot-${group.id}`,
        connectedAt: new Date(now - connectedAgo),
        heartbeatAt: new Date(now),
        expiresAt: new Date(now + 600_000),
      },
    });
    await db.consumerGroup.update({
      where: { id: group.id },
      data:
        group === risk
          ? { messageDelaySeconds: delay, unconsumedRecords: backlog }
          : { checkpointAt: new Date(now - delay * 1000), messageDelaySeconds: delay, unconsumedRecords: backlog },
    });
  }
  await db.alertEvent.create({
    data: { instanceId: instance.id, groupId: risk.id, rule: "delay", value: 13_253, threshold: 600, firedAt: new Date(now - 14 * 60_000) },
  });
  await db.alertEvent.create({
    data: {
      instanceId: instance.id,
      groupId: ledger.id,
      rule: "delay",
      value: 2_460,
      threshold: 600,
      firedAt: new Date(now - 40 * 60_000),
    },
  });
  await db.alertEvent.create({
    data: {
      instanceId: instance.id,
      rule: "status",
      value: 0,
      threshold: 0,
      detail: "Retrying",
      firedAt: new Date(now - 3 * 3_600_000),
      resolvedAt: new Date(now - 2.8 * 3_600_000),
    },
  });
  // After the alerts above: the server's alert worker would otherwise fire them itself first.
  await db.instanceAlert.create({
    data: {
      instanceId: instance.id,
      delayAlert: true,
      delayOverSeconds: 600,
      delayAlertPhone: "13612345678",
      errorAlert: true,
      updatedBy: "admin",
    },
  });
  // 24 hours of history for the Monitoring tab, in step with the figures above: a swell every 6 hours.
  for (const [i, { group, delay, backlog }] of [
    { group: ledger, delay: 2_460, backlog: 48_210 },
    { group: risk, delay: 13_253, backlog: 312_400 },
    { group: search, delay: 95, backlog: 1_200 },
  ].entries())
    await db.$executeRaw`
      INSERT INTO "heartbeat_history" ("group_id", "at", "message_delay_seconds", "unconsumed_records")
      SELECT ${group.id}, s."at",
             CAST(${delay} * (0.6 + 0.4 * sin(EXTRACT(EPOCH FROM s."at") / 21600 * 2 * pi() + ${i})) AS INTEGER),
             CAST(${backlog} * (0.6 + 0.4 * sin(EXTRACT(EPOCH FROM s."at") / 21600 * 2 * pi() + ${i})) AS INTEGER)
        FROM generate_series(${new Date(Math.floor(now / 10_000) * 10_000 - 86_400_000)}::timestamp, ${new Date(Math.floor(now / 10_000) * 10_000)}::timestamp, interval '10 seconds') AS s("at")
      ON CONFLICT DO NOTHING`;
  process.env.DTS_SECRET_KEY ??= readServerState().secretKey;
  const channelId = `chshot${now.toString(36)}`.slice(0, 16);
  await db.notificationChannel.create({
    data: {
      id: channelId,
      name: "ops-oncall",
      url: "https://hooks.example.com/services/T000/B000/XXXXabcd",
      format: "slack",
      secretEncrypted: encryptSecret("whsec_screenshot", channelId),
      createdBy: "admin",
      lastDeliveryAt: new Date(now - 14 * 60_000),
    },
  });
  try {
    await visit(page, `/lagging?region=${TEST_REGION.id}`);
    await expect(page.getByTestId("lagging-row").first()).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("lagging-groups.png") });

    await visit(page, `/alerts?instance=${instance.id}`);
    await expect(page.getByTestId("alert-row").first()).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("alerts.png"), fullPage: true });

    await visit(page, `/change-tracking/${instance.id}`);
    await page.getByRole("region", { name: "Monitoring and Alerting" }).scrollIntoViewIfNeeded();
    await page.getByRole("button", { name: "Configure" }).click();
    await expect(page.getByRole("dialog", { name: "Configure Monitoring and Alerting" })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("instance-alert-settings.png") });

    await visit(page, `/change-tracking/${instance.id}/monitoring?range=24h`);
    await expect(page.getByTestId("monitor-delay").locator("canvas")).toBeVisible();
    await settle(page);
    await page.screenshot({ path: docs("monitoring.png"), fullPage: true });
  } finally {
    await db.notificationChannel.delete({ where: { id: channelId } });
  }
});
