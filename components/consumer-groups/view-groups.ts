import type { Role } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import type { ConsumerGroupList, ConsumerGroupRow } from "@/lib/data/consumer-groups";
import type { ConsumeSortKey, ConsumeState, ConsumeView } from "@/lib/validation/consume-view-url";

// The Data Consume table's view logic, pure: what the toolbar's search and filters keep, in which
// order, and why Add Consumer Group is unavailable. test/validation/consume-view.test.ts reads it directly.

/** Why the Create button is disabled (worded by the panel: consume.disabled.<reason>), or null when it is not. */
export function addDisabledReason(list: ConsumerGroupList, role: Role): "role" | "status" | "quota" | null {
  if (!can(role, "consumerGroup.create")) return "role";
  if (list.instanceStatus !== "Normal") return "status";
  if (list.groups.length >= list.quota) return "quota";
  return null;
}

/** What the State column says of a group (docs/rules.md "Lag health"). */
export function groupState(g: Pick<ConsumerGroupRow, "connected" | "stalled">): ConsumeState {
  return g.stalled ? "stalled" : g.connected ? "connected" : "idle";
}

/**
 * The groups the search (name, id or account, case-insensitive) and the filters (state; delay over
 * N seconds, which only a connected group has) match, in the chosen order.
 */
export function viewGroups(groups: ConsumerGroupRow[], view: Pick<ConsumeView, "q" | "sort" | "state" | "delayOver">): ConsumerGroupRow[] {
  const q = view.q?.toLowerCase();
  const { state, delayOver } = view;
  const matched = groups.filter(
    (g) =>
      (!q || [g.name, g.id, g.account].some((v) => v.toLowerCase().includes(q))) &&
      (!state || groupState(g) === state) &&
      (delayOver === undefined || (g.messageDelaySeconds !== null && g.messageDelaySeconds > delayOver)),
  );
  const [key, dir] = view.sort.split("_") as [ConsumeSortKey, "asc" | "desc"];
  const num = (v: number | null) => (v === null ? -1 : v);
  const value = (g: ConsumerGroupRow): string | number => {
    switch (key) {
      case "name":
        return g.name.toLowerCase();
      case "state":
        return g.stalled ? 2 : g.connected ? 1 : 0;
      case "checkpoint":
        return g.checkpointAt ?? "";
      case "delay":
        return num(g.messageDelaySeconds);
      case "unconsumed":
        return num(g.unconsumedRecords);
      case "created":
        return g.createdAt;
    }
  };
  return matched.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
    return dir === "asc" ? order : -order;
  });
}
