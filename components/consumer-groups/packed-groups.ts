import type { ConsumerGroupList, ConsumerGroupRow } from "@/lib/data/consumer-groups";

// The groups as Data Consume's page carries them to the browser: each row without the fields that
// hold their "nothing" value (no consumer connected, no alert rule), which were a fifth of the page's
// payload at 20 idle groups (README "Benchmark"). The browser reads them back to the rows the JSON
// route returns, before the table sees them: one shape in the table, whichever way the rows came.

const ROW_DEFAULTS = {
  checkpointAt: null,
  connected: false,
  stalled: false,
  messageDelaySeconds: null,
  unconsumedRecords: null,
  clientIp: null,
  connectedAt: null,
  leaseExpiresAt: null,
  alertRule: null,
} as const satisfies Partial<ConsumerGroupRow>;
type Defaulted = keyof typeof ROW_DEFAULTS;

export type PackedGroupRow = Omit<ConsumerGroupRow, Defaulted> & Partial<Pick<ConsumerGroupRow, Defaulted>>;
export type PackedGroupList = Omit<ConsumerGroupList, "groups"> & { groups: PackedGroupRow[] };

export function packGroupList(list: ConsumerGroupList): PackedGroupList {
  return {
    ...list,
    groups: list.groups.map(
      (row) =>
        Object.fromEntries(
          Object.entries(row).filter(([key, value]) => !(Object.hasOwn(ROW_DEFAULTS, key) && ROW_DEFAULTS[key as Defaulted] === value)),
        ) as PackedGroupRow,
    ),
  };
}

export function unpackGroupList(packed: PackedGroupList): ConsumerGroupList {
  return { ...packed, groups: packed.groups.map((row) => ({ ...ROW_DEFAULTS, ...row })) };
}
