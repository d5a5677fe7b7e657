"use client";

import { useQuery } from "@tanstack/react-query";
import type { GroupHistory } from "@/lib/data/heartbeat-history";
import { useConsoleState } from "../shell/console-state";
import { SessionLapsedError, fetchConsoleJson } from "../shell/console-fetch";
import { consumerGroupKeys } from "./query-keys";

const fetchHistory = (instanceId: string, groupId: string) =>
  fetchConsoleJson<GroupHistory>(`/api/instances/${instanceId}/consumer-groups/${groupId}/history`, "Could not load the history.");

/**
 * A group's heartbeat history of the last hour (the details drawer's trend charts, the checkpoint
 * reset's estimate): one query per group, polled every `interval` ms (at most every 10 s) if given.
 */
export function useGroupHistory(instanceId: string, groupId: string, interval = 0) {
  const { lapsed, markLapsed } = useConsoleState();
  return useQuery({
    queryKey: consumerGroupKeys.history(instanceId, groupId),
    queryFn: async () => {
      try {
        return await fetchHistory(instanceId, groupId);
      } catch (error) {
        if (error instanceof SessionLapsedError) markLapsed();
        throw error;
      }
    },
    refetchInterval: lapsed || !interval ? false : Math.max(interval, 10_000),
    enabled: !lapsed,
  });
}
