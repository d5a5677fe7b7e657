"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import { useConsoleState } from "../shell/console-state";
import { applyActionFailure, callAction } from "./call-action";

/**
 * The one way client components call a server action (README "Architecture"): the call never
 * throws (no answer becomes a failure), an ended session marks the page lapsed, and, given a form,
 * each refusal lands on its field (the rest on the form's own alert).
 */
export function useServerAction<I, T, F extends FieldValues = FieldValues>(
  action: (input: I) => Promise<ActionResult<T>>,
  form?: { setError: UseFormSetError<F>; fields: readonly string[] },
): (input: I) => Promise<ActionResult<T>> {
  const { markLapsed } = useConsoleState();
  const t = useTranslations("common.action");
  const setError = form?.setError;
  const fields = form?.fields;
  return useCallback(
    async (input: I) => {
      const result = await callAction(action, input, markLapsed, { sessionEnded: t("sessionEnded"), unreachable: t("unreachable") });
      if (!result.ok && setError && fields) applyActionFailure(result, setError, fields);
      return result;
    },
    [action, markLapsed, setError, fields, t],
  );
}
