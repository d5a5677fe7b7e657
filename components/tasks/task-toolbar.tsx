"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { InstanceStatus } from "@/lib/generated/prisma/enums";
import { taskListHref } from "@/lib/url";
import { INSTANCE_STATUSES, PAGE_SIZES } from "@/lib/validation/rules";
import type { TaskListQuery } from "@/lib/validation/task";
import { Button } from "../ui/button";
import { useStatusLabel } from "./status-badge";
import { SearchBox } from "../ui/search-box";

/** Search, status filter and sort of the task list; every change becomes the URL. */
export function TaskToolbar({ regionId, query }: { regionId: string; query: TaskListQuery }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(query.q ?? "");
  const t = useTranslations("tasks.toolbar");
  const statusLabel = useStatusLabel();
  const go = (overrides: Partial<TaskListQuery>) =>
    startTransition(() => router.push(taskListHref(regionId, query, { page: 1, ...overrides })));

  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <form
        role="search"
        className="flex w-full min-w-0 items-center gap-2 sm:w-auto"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: text.trim() || undefined });
        }}
      >
        <SearchBox id="task-search" label={t("search")} value={text} onChange={setText} className="min-w-0 flex-1 sm:w-80 sm:flex-none" />
        <Button type="submit" className="shrink-0 whitespace-nowrap">
          {t("searchButton")}
        </Button>
      </form>
      <label className="flex items-center gap-2 text-sm whitespace-nowrap text-gray-700 sm:ml-2">
        {t("status")}
        <select
          className="select"
          value={query.status ?? ""}
          onChange={(e) => go({ status: (e.target.value || undefined) as InstanceStatus | undefined })}
        >
          <option value="">{t("all")}</option>
          {INSTANCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm whitespace-nowrap text-gray-700">
        {t("sort")}
        <select className="select" value={query.sort} onChange={(e) => go({ sort: e.target.value as TaskListQuery["sort"] })}>
          <option value="created_desc">{t("newest")}</option>
          <option value="created_asc">{t("oldest")}</option>
        </select>
      </label>
      {query.q || query.status ? (
        <Button
          variant="link"
          onClick={() => {
            setText("");
            go({ q: undefined, status: undefined });
          }}
        >
          {t("clear")}
        </Button>
      ) : null}
      {pending ? (
        <span className="text-xs text-gray-700" role="status">
          {t("loading")}
        </span>
      ) : null}
    </div>
  );
}

/** The page size picker under the table. */
export function PageSizeSelect({ regionId, query }: { regionId: string; query: TaskListQuery }) {
  const router = useRouter();
  const t = useTranslations("tasks.toolbar");
  return (
    <label className="flex items-center gap-2 text-sm whitespace-nowrap text-gray-700">
      {t("pageSize")}
      <select
        className="select"
        value={query.pageSize}
        onChange={(e) =>
          router.push(taskListHref(regionId, query, { page: 1, pageSize: Number(e.target.value) as TaskListQuery["pageSize"] }))
        }
      >
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
