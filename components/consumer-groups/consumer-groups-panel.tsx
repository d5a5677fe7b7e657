"use client";

import { useQuery } from "@tanstack/react-query";
import type { ConsumerGroupList } from "@/lib/data/consumer-groups";
import type { Role } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import { formatDateTime, formatMetric } from "@/lib/format";
import { EmptyState } from "../ui/empty-state";
import { Tooltip } from "../ui/tooltip";
import { CopyButton } from "../ui/copy-button";
import { AddConsumerGroupDialog } from "./add-consumer-group-dialog";
import { GroupActions } from "./group-actions";
import { consumerGroupKeys } from "./query-keys";

export const POLL_INTERVAL_MS = 5_000;

async function fetchGroups(instanceId: string): Promise<ConsumerGroupList> {
  const res = await fetch(`/api/instances/${instanceId}/consumer-groups`, { cache: "no-store" });
  if (!res.ok) throw new Error(res.status === 401 ? "Your session has ended. Sign in again." : "Could not load the consumer groups.");
  return res.json();
}

/** Why the Add button is disabled, or null when it is not. */
export function addDisabledReason(list: ConsumerGroupList, role: Role): string | null {
  if (!can(role, "consumerGroup.create")) return `Your role (${role}) can view consumer groups but not create them.`;
  if (list.instanceStatus !== "Normal") return "Consumer groups can be created only while the instance is Normal.";
  if (list.groups.length >= list.quota) return `This instance has ${list.quota} consumer groups, the most it can have. Delete one to add another.`;
  return null;
}

const th = "px-2.5 py-2.5 text-left text-xs font-semibold text-gray-600 whitespace-nowrap";
const td = "px-2.5 py-3 text-sm text-gray-800 align-top";

export function ConsumerGroupsPanel({
  initial,
  role,
  instanceName,
}: {
  initial: ConsumerGroupList;
  role: Role;
  instanceName: string;
}) {
  const { data, error, isFetching, dataUpdatedAt } = useQuery({
    queryKey: consumerGroupKeys.list(initial.instanceId),
    queryFn: () => fetchGroups(initial.instanceId),
    initialData: initial,
    refetchInterval: POLL_INTERVAL_MS,
  });
  const list = data ?? initial;
  const reason = addDisabledReason(list, role);
  const full = list.groups.length >= list.quota;

  return (
    <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="consumer-groups-title">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-100 px-5 py-3">
        <div className="flex items-center gap-3">
          <h2 id="consumer-groups-title" className="text-sm font-semibold text-gray-900">
            Consumer Groups
          </h2>
          <span
            data-testid="quota"
            aria-label={`${list.groups.length} of ${list.quota} consumer groups used`}
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${full ? "bg-red-50 text-red-700" : "bg-gray-100 text-gray-700"}`}
          >
            {list.groups.length} / {list.quota}
          </span>
          <span className="text-xs text-gray-400" aria-live="polite">
            {error ? (
              <span className="text-red-600">{(error as Error).message} Retrying…</span>
            ) : isFetching ? (
              "Refreshing…"
            ) : (
              `Updated ${formatDateTime(new Date(dataUpdatedAt)).slice(11)} UTC`
            )}
          </span>
        </div>
        <AddConsumerGroupDialog instanceId={list.instanceId} instanceName={instanceName} disabledReason={reason} />
      </div>

      {list.groups.length === 0 ? (
        <EmptyState title="No consumer groups yet">
          {reason ? reason : "Add a consumer group to start consuming the tracked data."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200">
            <caption className="sr-only">Consumer groups of this instance</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={th}>Consumer Group ID/Name</th>
                <th scope="col" className={th}>Account</th>
                <th scope="col" className={th}>Consumption Checkpoint</th>
                <th scope="col" className={th}>Message Delay</th>
                <th scope="col" className={th}>Unconsumed Data</th>
                <th scope="col" className={th}>Created At</th>
                <th scope="col" className={th}>Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {list.groups.map((g) => (
                <tr key={g.id} className="hover:bg-blue-50/40">
                  <td className={`${td} whitespace-nowrap`}>
                    <span className="font-mono" data-testid="group-id">{g.id}</span>
                    <CopyButton value={g.id} label="consumer group ID" compact />
                    <div className="text-xs text-gray-500">{g.name}</div>
                  </td>
                  <td className={`${td} font-mono`}>{g.account}</td>
                  <td className={`${td} whitespace-nowrap font-mono text-xs`}>{formatDateTime(g.checkpointAt)}</td>
                  <td className={td} data-testid="message-delay">
                    <Tooltip content={!g.connected ? "No consumer is connected to this group." : null}>
                      <span tabIndex={g.messageDelaySeconds === null ? 0 : undefined}>{formatMetric(g.messageDelaySeconds, " s")}</span>
                    </Tooltip>
                  </td>
                  <td className={td} data-testid="unconsumed-data">
                    <Tooltip content={!g.connected ? "No consumer is connected to this group." : null}>
                      <span tabIndex={g.unconsumedRecords === null ? 0 : undefined}>{formatMetric(g.unconsumedRecords)}</span>
                    </Tooltip>
                  </td>
                  <td className={`${td} whitespace-nowrap font-mono text-xs`}>{formatDateTime(g.createdAt)}</td>
                  <td className={td}>
                    <GroupActions group={g} instanceId={list.instanceId} role={role} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
