"use client";

import { useTranslations } from "next-intl";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { signInAgainHref, useConsoleState } from "../shell/console-state";

/** Where focus goes when a row's dialog closes. */
export type ReturnFocus = () => HTMLElement | null;

/** What every dialog of a row's actions is given: its group, what to do when done, where focus returns. */
export interface RowDialogProps {
  group: ConsumerGroupRow;
  onDone: () => void;
  returnFocus: ReturnFocus;
}

/** Inside an open dialog, the banner of a lapsed session is behind the overlay: say it here too. */
export function LapsedNotice() {
  const { lapsed } = useConsoleState();
  const t = useTranslations("consume.lapsed");
  if (!lapsed) return null;
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  const search = typeof window === "undefined" ? "" : window.location.search.slice(1);
  return (
    <p role="alert" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t.rich("notice", {
        link: (chunks) => (
          <a href={signInAgainHref(here, search)} className="font-medium text-blue-700 underline">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}
