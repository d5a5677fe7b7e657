"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { RULE_VALUES } from "@/i18n/keys";

type Word = (key: string) => string;

/** Every `message` of a form's error tree, worded. */
function wordErrors<T extends FieldValues>(errors: FieldErrors<T>, word: Word): FieldErrors<T> {
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // `ref` is the field's element: passed on as it is.
      out[key] = key === "message" && typeof value === "string" ? word(value) : key === "ref" ? value : walk(value);
    }
    return out;
  };
  return walk(errors) as FieldErrors<T>;
}

/**
 * A form's resolver whose errors arrive worded in the page's language. The shared zod schemas
 * write message keys (docs/rules.md "Languages"); the server's refusals arrive worded by the
 * action's runner. So every message a form shows is words by the time it is set, and the fields
 * and alerts print it as it is: each message is worded once, where it is made.
 */
export function useWordedResolver<V extends FieldValues, C, O>(resolver: Resolver<V, C, O>): Resolver<V, C, O> {
  const t = useTranslations();
  const word: Word = (key) => (t.has(key as never) ? t(key as never, RULE_VALUES as never) : key);
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    return { ...result, errors: wordErrors(result.errors, word) } as Awaited<ReturnType<Resolver<V, C, O>>>;
  };
}
