"use client";

import { useTranslations } from "next-intl";
import type { Dispatch, SetStateAction } from "react";
import { CONSUME_STATES, DELAY_OVER_MAX, delayOverOf, type ConsumeState, type ConsumeView } from "@/lib/validation/consume-view-url";
import { inputClass } from "../ui/field";
import { SearchBox } from "../ui/search-box";

/**
 * Data Consume's search and filters (docs/rules.md "Lag health"): the name or ID, the state and
 * "delay over N s", each kept in the view (and so in the URL). A delay being typed wrong keeps the
 * last good filter and says why under its field.
 */
export function ConsumeFilters({
  view,
  onView,
  search,
  onSearch,
  delayOver,
  onDelayOver,
}: {
  view: ConsumeView;
  onView: Dispatch<SetStateAction<ConsumeView>>;
  search: string;
  onSearch: (text: string) => void;
  delayOver: string;
  onDelayOver: (text: string) => void;
}) {
  const t = useTranslations("consume");
  const delayOverInvalid = delayOver.trim() !== "" && delayOverOf(delayOver) === undefined;
  return (
    <form
      role="search"
      aria-label={t("panel.searchLabel")}
      className="flex min-w-0 basis-full flex-wrap items-start gap-2 sm:basis-64 sm:flex-1"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <SearchBox
        id="group-search"
        label={t("panel.search")}
        value={search}
        onChange={(text) => {
          onSearch(text);
          onView((v) => ({ ...v, q: text.trim() || undefined }));
        }}
        className="w-full max-w-72 min-w-0 basis-full sm:basis-64"
      />
      <label htmlFor="group-state-filter" className="sr-only">
        {t("filters.state")}
      </label>
      <select
        id="group-state-filter"
        value={view.state ?? ""}
        onChange={(e) => onView((v) => ({ ...v, state: (e.target.value || undefined) as ConsumeState | undefined }))}
        className={inputClass(false, "shrink-0 basis-36")}
      >
        <option value="">{t("filters.allStates")}</option>
        {CONSUME_STATES.map((state) => (
          <option key={state} value={state}>
            {t(`state.${state}`)}
          </option>
        ))}
      </select>
      <span className="flex shrink-0 flex-col">
        <span className="flex items-center gap-1.5">
          <label htmlFor="group-delay-filter" className="text-sm whitespace-nowrap text-gray-700">
            {t("filters.delayOver")}
          </label>
          <input
            id="group-delay-filter"
            inputMode="numeric"
            autoComplete="off"
            value={delayOver}
            placeholder="—"
            aria-invalid={delayOverInvalid}
            aria-describedby={delayOverInvalid ? "group-delay-filter-error" : undefined}
            onChange={(e) => {
              const text = e.target.value;
              onDelayOver(text);
              const seconds = delayOverOf(text);
              // A value being typed wrong keeps the last good filter; an empty field clears it.
              if (text.trim() === "" || seconds !== undefined) onView((v) => ({ ...v, delayOver: seconds }));
            }}
            className={inputClass(delayOverInvalid, "shrink-0 basis-20")}
          />
        </span>
        {delayOverInvalid ? (
          <span id="group-delay-filter-error" role="alert" className="mt-1 text-xs text-red-600">
            {t("filters.delayOverInvalid", { max: DELAY_OVER_MAX })}
          </span>
        ) : null}
      </span>
    </form>
  );
}
