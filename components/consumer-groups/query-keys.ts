/** TanStack Query keys for consumer groups: one factory, so every invalidation hits the same key. */
export const consumerGroupKeys = {
  list: (instanceId: string) => ["consumer-groups", instanceId] as const,
};
