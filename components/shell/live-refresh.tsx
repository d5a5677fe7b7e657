"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useTransition, type ReactNode } from "react";
import { formatTime } from "@/lib/format";
import { RefreshControls, type AutoRefresh, type RefreshState } from "../ui/refresh-controls";
import { useConsoleState, useTimeZone } from "./console-state";
import { checkSession } from "./console-fetch";

interface LiveRefresh extends RefreshState {
  stale: boolean;
  updatedAt: number;
}

const Context = createContext<LiveRefresh | null>(null);

/**
 * Refresh for a server-rendered page (the task list): asks the server whether the session holds,
 * then re-renders the page in place. A lapsed session stops it and says so; a server that cannot
 * be reached leaves the rows as they were, marked stale, until a refresh succeeds.
 */
export function LiveRefreshProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const { lapsed, markLapsed } = useConsoleState();
  const [pending, startTransition] = useTransition();
  const [checking, setChecking] = useState(false);
  const [stale, setStale] = useState(false);
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());
  const [interval, setIntervalMs] = useState<AutoRefresh>(0);
  const refresh = useCallback(() => {
    setChecking(true);
    void checkSession().then((state) => {
      setChecking(false);
      if (state === "lapsed") return markLapsed();
      if (state === "unreachable") return setStale(true);
      startTransition(() => {
        router.refresh();
      });
      setStale(false);
      setUpdatedAt(Date.now());
    });
  }, [markLapsed, router]);
  useEffect(() => {
    if (!interval || lapsed) return;
    const timer = setInterval(refresh, interval);
    return () => {
      clearInterval(timer);
    };
  }, [interval, lapsed, refresh]);
  const value = useMemo(
    () => ({ stale, refreshing: pending || checking, updatedAt, interval, setIntervalMs, refresh }),
    [stale, pending, checking, updatedAt, interval, refresh],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function useLiveRefresh(): LiveRefresh {
  const ctx = useContext(Context);
  if (!ctx) throw new Error("useLiveRefresh needs a LiveRefreshProvider");
  return ctx;
}

/** The Refresh button, the auto-refresh choice and when the rows were read. */
export function LiveRefreshControls() {
  const live = useLiveRefresh();
  const { lapsed } = useConsoleState();
  const t = useTranslations("common.refresh");
  const { timeZone, label } = useTimeZone();
  const at = `${formatTime(live.updatedAt, timeZone)} ${label}`;
  return (
    <RefreshControls
      live={live}
      disabled={lapsed}
      updatedText={t("updated", { time: at })}
      failedText={lapsed ? t("sessionEnded") : live.stale ? t("failed", { time: at }) : null}
    />
  );
}

/** Whether the rows shown are stale (the last refresh failed); false outside a LiveRefreshProvider. */
export function useLiveStale(): boolean {
  return useContext(Context)?.stale ?? false;
}

/** Marks what it wraps as stale (data-stale) while the last refresh failed; rows style themselves by it. */
export function LiveStaleScope({ children }: { children: ReactNode }) {
  const { stale } = useLiveRefresh();
  return <div data-stale={stale ? "true" : undefined}>{children}</div>;
}
