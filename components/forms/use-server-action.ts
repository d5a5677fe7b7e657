"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useConsoleState } from "../shell/console-state";
import { callAction } from "./call-action";

/**
 * The one way client components call a server action (README "Architecture"): the call never
 * throws (no answer becomes a failure) and an ended session marks the page lapsed. A form calls
 * it through `useActionForm`, which puts each refusal on its field.
 */
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>): (input: I) => Promise<ActionResult<T>> {
  const { markLapsed } = useConsoleState();
  const t = useTranslations("common.action");
  return useCallback(
    (input: I) => callAction(action, input, markLapsed, { sessionEnded: t("sessionEnded"), unreachable: t("unreachable") }),
    [action, markLapsed, t],
  );
}
