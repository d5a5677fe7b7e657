import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDisabledReason, groupState, viewGroups } from "../../components/consumer-groups/view-groups";
import type { ConsumerGroupList, ConsumerGroupRow } from "../../lib/data/consumer-groups";
import { consumeViewSchema, consumeViewSearch } from "../../lib/validation/consume-view";

// The Data Consume table's view (docs/rules.md "Lag health"): search, state and delay filters,
// order, and the URL that carries them.

const row = (id: string, over: Partial<ConsumerGroupRow> = {}): ConsumerGroupRow => ({
  id,
  name: `name-${id}`,
  account: `acct_${id}`,
  checkpointAt: null,
  connected: false,
  stalled: false,
  messageDelaySeconds: null,
  unconsumedRecords: null,
  createdAt: "2026-12-01T00:00:00.000Z",
  clientIp: null,
  connectedAt: null,
  leaseExpiresAt: null,
  alertRule: null,
  ...over,
});
const groups = [
  row("dtsa00001", { connected: true, messageDelaySeconds: 5 }),
  row("dtsa00002", { connected: true, stalled: true, messageDelaySeconds: 900, unconsumedRecords: 40 }),
  row("dtsa00003"),
  row("dtsa00004", { connected: true, messageDelaySeconds: 61, name: "orders" }),
];
const ids = (view: Parameters<typeof viewGroups>[1]) => viewGroups(groups, view).map((g) => g.id);

describe("the Data Consume view", () => {
  it("names each group's state: stalled over connected over idle", () => {
    assert.deepEqual(groups.map(groupState), ["connected", "stalled", "idle", "connected"]);
  });

  it("filters by state and by delay over N seconds (only connected groups have a delay), with the search", () => {
    assert.deepEqual(ids({ sort: "name_asc", state: "stalled" }), ["dtsa00002"]);
    assert.deepEqual(ids({ sort: "name_asc", state: "connected" }), ["dtsa00001", "dtsa00004"]);
    assert.deepEqual(ids({ sort: "name_asc", state: "idle" }), ["dtsa00003"]);
    assert.deepEqual(ids({ sort: "delay_desc", delayOver: 60 }), ["dtsa00002", "dtsa00004"]);
    assert.deepEqual(ids({ sort: "delay_desc", delayOver: 0 }), ["dtsa00002", "dtsa00004", "dtsa00001"]);
    assert.deepEqual(ids({ sort: "name_asc", delayOver: 60, q: "ORD" }), ["dtsa00004"]);
    assert.deepEqual(ids({ sort: "name_asc", state: "idle", delayOver: 1 }), []);
    // Sorting by state puts stalled first when descending.
    assert.equal(ids({ sort: "state_desc" })[0], "dtsa00002");
  });

  it("explains why Add Consumer Group is unavailable", () => {
    const list: ConsumerGroupList = {
      instanceId: "dtsa00000",
      instanceStatus: "Normal",
      dataRange: { begin: null, end: null },
      quota: 4,
      delayAlertSeconds: null,
      groups,
    };
    assert.equal(addDisabledReason(list, "viewer"), "role");
    assert.equal(addDisabledReason({ ...list, instanceStatus: "Abnormal" }, "operator"), "status");
    assert.equal(addDisabledReason(list, "operator"), "quota");
    assert.equal(addDisabledReason({ ...list, quota: 20 }, "admin"), null);
  });

  it("reads the filters from the URL, dropping what is not one, and writes them back", () => {
    const view = consumeViewSchema.parse({ state: "stalled", delayOver: "300", q: " orders " });
    assert.deepEqual(view, { q: "orders", sort: "created_desc", state: "stalled", delayOver: 300 });
    assert.equal(consumeViewSearch(view), "?q=orders&state=stalled&delayOver=300");
    for (const bad of [{ state: "asleep" }, { delayOver: "-1" }, { delayOver: "1e3" }, { delayOver: "99999999" }, { delayOver: ["x"] }]) {
      const parsed = consumeViewSchema.parse(bad);
      assert.equal(parsed.state, undefined, JSON.stringify(bad));
      assert.equal(parsed.delayOver, undefined, JSON.stringify(bad));
    }
    assert.equal(consumeViewSchema.parse({ delayOver: "0" }).delayOver, 0);
  });
});
