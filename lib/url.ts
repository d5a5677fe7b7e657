import type { TaskListQuery } from "./validation/task";

/**
 * The task list URL for a view; parameters at their defaults are left out so links stay short.
 * `overrides` replace fields of `query`; `undefined` clears one. A keyset cursor (`after`,
 * `before`) belongs to one link and is taken from `overrides` only: a new search, filter, sort or
 * page size starts from page 1 without it.
 */
export function taskListHref(regionId: string, query: Partial<TaskListQuery>, overrides: Partial<TaskListQuery> = {}) {
  const q = { ...query, ...overrides, after: overrides.after, before: overrides.before };
  const params = new URLSearchParams({ region: regionId });
  if (q.q) params.set("q", q.q);
  if (q.status) params.set("status", q.status);
  if (q.sort && q.sort !== "created_desc") params.set("sort", q.sort);
  if (q.pageSize && q.pageSize !== 10) params.set("pageSize", String(q.pageSize));
  if (q.page && q.page > 1) params.set("page", String(q.page));
  if (q.page && q.page > 1 && q.after) params.set("after", q.after);
  else if (q.page && q.page > 1 && q.before) params.set("before", q.before);
  return `/change-tracking?${params.toString()}`;
}
