"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "./button";
import { useHydrated } from "./use-hydrated";

/** Off, or every so many milliseconds. */
export const AUTO_REFRESH_OPTIONS = [0, 5_000, 30_000] as const;
export type AutoRefresh = (typeof AUTO_REFRESH_OPTIONS)[number];

/** What a refreshing list tells its controls: refresh now, the auto-refresh choice, a refresh running. */
export interface RefreshState {
  refresh: () => void;
  interval: AutoRefresh;
  setIntervalMs: (value: AutoRefresh) => void;
  refreshing: boolean;
}

/**
 * Refresh now, refresh every 5 or 30 seconds or not at all, and what the data shown is: when it
 * was read, whether a refresh is running, or that the last one failed (the rows are then stale).
 */
export function RefreshControls({
  live,
  updatedText,
  failedText,
  disabled = false,
}: {
  live: RefreshState;
  updatedText: string;
  /** set while the data shown could not be refreshed */
  failedText?: string | null;
  disabled?: boolean;
}) {
  const { refresh, interval, setIntervalMs, refreshing } = live;
  const t = useTranslations("common.refresh");
  const id = useId();
  // The time a list was read differs between the server's HTML and the browser: shown once hydrated.
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {/* Quiet: the time of the last read is shown, not announced (a poll every 5 s would speak
          every 5 s); a failure is announced, once, by the alert below. */}
      {/* Its room is kept from the server's HTML on (the time comes once hydrated), so nothing
          below moves when the time appears (e2e/layout.spec.ts, first paint). */}
      <span className="min-w-[9rem] text-right text-xs text-gray-700" data-testid="refresh-status">
        {failedText ? (
          <span className="font-medium text-red-700">{failedText}</span>
        ) : refreshing ? (
          t("refreshing")
        ) : hydrated ? (
          updatedText
        ) : (
          ""
        )}
      </span>
      <span role="alert" className="sr-only" data-testid="refresh-alert">
        {failedText ?? ""}
      </span>
      {/* Never disabled by a poll in flight: a click then simply asks again. */}
      <Button size="sm" onClick={refresh} disabled={disabled} aria-busy={refreshing} aria-label={t("button")}>
        <span aria-hidden className={`icon icon-refresh ${refreshing ? "animate-spin" : ""}`} />
        {t("button")}
      </Button>
      <span className="inline-flex items-center gap-2">
        <label htmlFor={id} className="text-xs text-gray-700">
          {t("auto")}
        </label>
        <select
          id={id}
          value={interval}
          disabled={disabled}
          onChange={(e) => setIntervalMs(Number(e.target.value) as AutoRefresh)}
          className="select-sm"
        >
          {AUTO_REFRESH_OPTIONS.map((ms) => (
            <option key={ms} value={ms}>
              {ms ? t("seconds", { seconds: ms / 1000 }) : t("off")}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}
