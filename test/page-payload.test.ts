import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { packGroupList, unpackGroupList } from "@/components/consumer-groups/packed-groups";
import { packRegions, unpackRegions } from "@/components/regions/region-names";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";

// What pages carry packed (README "Benchmark"), and read back to the shapes the components use.

// The region list every page carries (README "Benchmark"): packed by area, the name only where the
// catalogue does not know the region, and read back as the frame had it.
describe("the packed region list", () => {
  const regions = [
    { id: "cn-hangzhou", area: "China", taskCount: 28, name: "China (Hangzhou)" },
    { id: "ap-southeast-1", area: "Asia Pacific", taskCount: 5, name: "Singapore" },
    { id: "cn-shanghai", area: "China", taskCount: 0, name: "China (Shanghai)" },
    { id: "xx-new-1", area: "Elsewhere", taskCount: 2, name: "A new region" },
  ];

  it("groups by area, with a name only for a region the catalogue lacks", () => {
    assert.deepEqual(packRegions(regions), [
      [
        "China",
        [
          ["cn-hangzhou", 28],
          ["cn-shanghai", 0],
        ],
      ],
      ["Asia Pacific", [["ap-southeast-1", 5]]],
      ["Elsewhere", [["xx-new-1", 2, "A new region"]]],
    ]);
  });

  it("reads back every region with its area and count, in area order", () => {
    assert.deepEqual(unpackRegions(packRegions(regions)), [
      { id: "cn-hangzhou", area: "China", taskCount: 28 },
      { id: "cn-shanghai", area: "China", taskCount: 0 },
      { id: "ap-southeast-1", area: "Asia Pacific", taskCount: 5 },
      { id: "xx-new-1", area: "Elsewhere", taskCount: 2, name: "A new region" },
    ]);
  });
});

// Data Consume's rows: without the fields that hold their "nothing" value, read back to the rows the
// JSON route returns.
describe("the packed consumer groups", () => {
  const list: ConsumerGroupList = {
    instanceId: "dtsinst",
    instanceStatus: "Normal",
    dataRange: { begin: "2026-12-01T00:00:00.000Z", end: null },
    quota: 20,
    delayAlertSeconds: null,
    groups: [
      {
        id: "dtsidle",
        name: "idle",
        account: "idle_account",
        checkpointAt: null,
        connected: false,
        stalled: false,
        messageDelaySeconds: null,
        unconsumedRecords: null,
        createdAt: "2026-12-02T00:00:00.000Z",
        clientIp: null,
        connectedAt: null,
        leaseExpiresAt: null,
        alertRule: null,
      },
      {
        id: "dtslive",
        name: "live",
        account: "live_account",
        checkpointAt: "2026-12-03T00:00:00.000Z",
        connected: true,
        stalled: true,
        messageDelaySeconds: 0,
        unconsumedRecords: 0,
        createdAt: "2026-12-02T00:00:00.000Z",
        clientIp: "10.0.0.1",
        connectedAt: "2026-12-03T00:00:00.000Z",
        leaseExpiresAt: "2026-12-03T00:00:30.000Z",
        alertRule: { enabled: false, delayOverSeconds: null, delayForMinutes: 5, stalled: false, disconnectedMinutes: null },
      },
    ],
  };

  it("leaves out what an idle row holds as nothing, and keeps every value a live row has (zeros too)", () => {
    const [idle, live] = packGroupList(list).groups;
    assert.deepEqual(Object.keys(idle).sort(), ["account", "createdAt", "id", "name"]);
    assert.deepEqual(live, list.groups[1]);
  });

  it("reads back the list as it was", () => {
    assert.deepEqual(unpackGroupList(packGroupList(list)), list);
    assert.deepEqual(packGroupList(list).dataRange, list.dataRange);
  });
});
