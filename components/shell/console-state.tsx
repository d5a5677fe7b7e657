"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { toast } from "../ui/toast";
import { changeTimeZone } from "@/lib/actions/preferences";
import { zoneLabel } from "@/lib/format";
import { BROWSER_ZONE_COOKIE } from "@/lib/validation/rules";
import { checkSession } from "./console-fetch";

const noSubscription = () => () => {};

interface ConsoleState {
  /** The session ended while the page was open: polling stops and actions are disabled. */
  lapsed: boolean;
  markLapsed: () => void;
  /** "UTC" or the IANA zone the user chose (docs/rules.md "Preferences"). */
  timeZone: string;
  /** The browser's own zone, once known (null during the server render). */
  browserZone: string | null;
  setTimeZone: (zone: string) => Promise<void>;
}

const Context = createContext<ConsoleState | null>(null);

export function ConsoleStateProvider({
  initialTimeZone,
  followsBrowser,
  children,
}: {
  initialTimeZone: string;
  followsBrowser: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  const t = useTranslations("shell.timeZone");
  const [lapsed, setLapsed] = useState(false);
  const [timeZone, setZone] = useState(initialTimeZone);
  // Until the user picks a zone in the menu.
  const [follows, setFollows] = useState(followsBrowser);
  // The browser's zone; unknown (null) in the server's HTML and during hydration.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  // No zone chosen: the browser's, once known. The server rendered in the zone the cookie reported
  // (UTC before it had one); when this browser's differs, say it in the cookie and render again.
  const zoneShown = follows && browserZone ? browserZone : timeZone;
  useEffect(() => {
    if (!follows || !browserZone || browserZone === initialTimeZone) return;
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${BROWSER_ZONE_COOKIE}=${encodeURIComponent(browserZone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    router.refresh();
  }, [follows, browserZone, initialTimeZone, router]);
  const markLapsed = useCallback(() => {
    setLapsed(true);
  }, []);
  const setTimeZone = useCallback(
    async (zone: string) => {
      const previous = zoneShown;
      const followed = follows;
      setFollows(false);
      setZone(zone);
      let result: Awaited<ReturnType<typeof changeTimeZone>> | null = null;
      try {
        result = await changeTimeZone({ timeZone: zone });
      } catch {
        result = null;
      }
      if (result?.ok) {
        toast.success(zone === "UTC" ? t("shownInUtc") : t("shownInLocal", { zone, offset: zoneLabel(zone) }));
        router.refresh();
        return;
      }
      setZone(previous);
      setFollows(followed);
      if (result?.code === "Unauthorized" || (await checkSession()) === "lapsed") setLapsed(true);
      else toast.error(result?.message ?? t("saveFailed"));
    },
    [router, t, zoneShown, follows],
  );
  const value = useMemo(
    () => ({ lapsed, markLapsed, timeZone: zoneShown, browserZone, setTimeZone }),
    [lapsed, markLapsed, zoneShown, browserZone, setTimeZone],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useConsoleState(): ConsoleState {
  const ctx = useContext(Context);
  if (!ctx) throw new Error("useConsoleState needs a ConsoleStateProvider");
  return ctx;
}

/** The user's zone and its label (`UTC`, `UTC+08:00`), for time columns. */
export function useTimeZone(): { timeZone: string; label: string } {
  const { timeZone } = useConsoleState();
  return { timeZone, label: zoneLabel(timeZone) };
}

/** Where "Sign in again" goes: sign-in, saying why, and back to this very page afterwards. */
export function signInAgainHref(pathname: string, search: string): string {
  const back = pathname + (search ? `?${search}` : "");
  return `/login?reason=expired&callbackUrl=${encodeURIComponent(back)}`;
}

/** The banner a lapsed session shows at the top of the page, with the way back in. */
export function SessionLapsedBanner() {
  const { lapsed } = useConsoleState();
  const t = useTranslations("shell.session");
  const pathname = usePathname();
  const search = useSearchParams().toString();
  if (!lapsed) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-sm border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <span className="font-medium">{t("ended")}</span>
      <span>{t("stopped")}</span>
      {/* A full page load: nothing of the ended session's client state comes along. */}
      <a href={signInAgainHref(pathname, search)} className="font-medium text-blue-700 underline hover:text-blue-900">
        {t("signInAgain")}
      </a>
    </div>
  );
}
