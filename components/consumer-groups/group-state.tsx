import { Badge } from "../ui/badge";

/** Connected while a consumer holds a live lease on the group, else Idle; "stale" when not fresh. */
export function GroupState({ connected, stale = false }: { connected: boolean; stale?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={connected ? "green" : "gray"}>{connected ? "Connected" : "Idle"}</Badge>
      {stale ? <span className="rounded-sm bg-amber-100 px-1 text-xs font-medium text-amber-900">Stale</span> : null}
    </span>
  );
}
