/** TanStack Query keys for consumer groups: one factory, so every invalidation hits the same key. */
export const consumerGroupKeys = {
  all: (instanceId: string) => ["consumer-groups", instanceId] as const,
  list: (instanceId: string) => ["consumer-groups", instanceId, "list"] as const,
  sparklines: (instanceId: string) => ["consumer-groups", instanceId, "sparklines"] as const,
  history: (instanceId: string, groupId: string) => ["consumer-groups", instanceId, "history", groupId] as const,
};
