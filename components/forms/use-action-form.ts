"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { BaseSyntheticEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Mode } from "react-hook-form";
import type { z } from "@/lib/validation/zod";
import type { ActionResult } from "@/lib/actions/result";
import { applyActionFailure, formMessage } from "./call-action";
import { useServerAction } from "./use-server-action";
import { useWordedResolver } from "./worded-resolver";

type Schema = z.ZodType<FieldValues, FieldValues>;

/**
 * A dialog's form that submits to a server action (README "Architecture"): the schema checks
 * it as the person types (messages worded in the page's language), the action is called through
 * `useServerAction` (each refusal lands on its field, the rest on the form's alert, every value
 * kept), and `onSuccess` takes the answer. A refusal lands on the form's field of its name (its default
 * values' keys), or where `fields` says.
 */
export function useActionForm<S extends Schema, I, T>(
  schema: S,
  options: {
    defaultValues: DefaultValues<z.input<S>>;
    /** When a field is checked: as it changes ("onChange"), or first on submit (react-hook-form's default). */
    mode?: Mode;
    action: (input: I) => Promise<ActionResult<T>>;
    /** The action's input from the form's values (adding what the page knows, e.g. the group's id). */
    input: (values: z.output<S>) => I;
    onSuccess: (data: T, values: z.output<S>) => void | Promise<void>;
    /** After a refusal has been put on the form. */
    onRefused?: () => void;
    /**
     * Where the refusals of the action's fields land, when not each on the form's field of its name:
     * every action field that lands on a field, mapped to the form's field that shows it. An
     * action field left out (or mapped to undefined) goes to the form's alert.
     */
    fields?: (values: z.output<S>) => Readonly<Record<string, string | undefined>>;
  },
) {
  const { defaultValues, mode, action, input, onSuccess, onRefused, fields } = options;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: useWordedResolver(zodResolver(schema)),
    defaultValues,
    ...(mode ? { mode } : {}),
  });
  const run = useServerAction(action);
  const submit = form.handleSubmit(async (values) => {
    const result = await run(input(values));
    if (result.ok) return onSuccess(result.data, values);
    applyActionFailure(result, form.setError, fields ? fields(values) : Object.fromEntries(Object.keys(defaultValues).map((k) => [k, k])));
    onRefused?.();
  });
  const { errors, isSubmitting } = form.formState;
  return {
    form,
    errors,
    /** The form's own alert: a refusal no field took. */
    alert: formMessage(errors),
    busy: isSubmitting,
    onSubmit: (event: BaseSyntheticEvent) => void submit(event),
  };
}
