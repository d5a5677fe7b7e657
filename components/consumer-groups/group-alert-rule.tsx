"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { toast } from "../ui/toast";
import { configureGroupAlertRule } from "@/lib/actions/instance-alert";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { groupAlertRuleFormSchema, type GroupAlertRuleForm } from "@/lib/validation/group-alert-rule";
import { STALLED_AFTER_SECONDS } from "@/lib/validation/rules";
import { useConsoleState } from "../shell/console-state";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useActionForm } from "../forms/use-action-form";
import { consumerGroupKeys } from "./query-keys";

const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/**
 * The group's own alert rule (docs/rules.md "Alert delivery"), a tab of the details drawer: its
 * delay over N seconds for M minutes, stalled, no consumer for N minutes. Loaded when the tab opens.
 */
export default function GroupAlertRuleForm({
  group,
  instanceId,
  canEdit,
  suggestDelayOver,
  onSaved,
  intro = true,
}: {
  group: Pick<ConsumerGroupRow, "id" | "name" | "alertRule">;
  instanceId: string;
  canEdit: boolean;
  /** a delay picked on the Monitoring tab's chart: the threshold to start from */
  suggestDelayOver?: number;
  onSaved?: () => void;
  /** the form's own introduction; off where a dialog's description says it */
  intro?: boolean;
}) {
  const t = useTranslations("consume.alertRule");
  const queryClient = useQueryClient();
  const { lapsed } = useConsoleState();
  const rule = group.alertRule;
  const { form, errors, alert, busy, onSubmit } = useActionForm(groupAlertRuleFormSchema, {
    defaultValues: {
      // A new rule starts on for whoever may save one; a viewer sees that no rule is on.
      enabled: rule?.enabled ?? canEdit,
      delayOverSeconds: text(rule?.delayOverSeconds),
      ...(suggestDelayOver === undefined ? {} : { enabled: true }),
      delayForMinutes: text(rule?.delayForMinutes ?? 0),
      stalled: rule?.stalled ?? false,
      disconnectedMinutes: text(rule?.disconnectedMinutes),
    },
    mode: "onChange",
    action: configureGroupAlertRule,
    input: (values) => ({ groupId: group.id, ...values }),
    onSuccess: async (_, values) => {
      toast.success(t("saved", { name: group.name }));
      form.reset(values);
      await queryClient.invalidateQueries({ queryKey: consumerGroupKeys.list(instanceId) });
      onSaved?.();
    },
  });
  const { register, setValue } = form;
  // A suggestion is a change to save (the Save button needs a change), not the stored value.
  useEffect(() => {
    if (suggestDelayOver !== undefined) setValue("delayOverSeconds", String(suggestDelayOver), { shouldDirty: true, shouldValidate: true });
  }, [suggestDelayOver, setValue]);

  const check = "h-4 w-4 rounded-sm border-gray-400 text-blue-600";
  const disabled = !canEdit || lapsed;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("label", { name: group.name })}>
      {intro ? <p className="text-sm text-gray-700">{t("intro")}</p> : null}
      {!canEdit ? <p className="text-sm text-gray-700">{t("readOnly")}</p> : null}
      <FormAlert message={alert} />
      <label className="flex items-center gap-2 text-sm text-gray-800">
        <input type="checkbox" className={check} disabled={disabled} {...register("enabled")} />
        {t("enabled")}
      </label>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field id="rule-delay" label={t("delayOver")} error={errors.delayOverSeconds?.message}>
          {(aria) => (
            <input
              {...aria}
              {...register("delayOverSeconds")}
              inputMode="numeric"
              disabled={disabled}
              className={inputClass(!!errors.delayOverSeconds)}
            />
          )}
        </Field>
        <Field id="rule-delay-for" label={t("delayFor")} error={errors.delayForMinutes?.message}>
          {(aria) => (
            <input
              {...aria}
              {...register("delayForMinutes")}
              inputMode="numeric"
              disabled={disabled}
              className={inputClass(!!errors.delayForMinutes)}
            />
          )}
        </Field>
      </div>
      <label className="flex items-start gap-2 text-sm text-gray-800">
        <input type="checkbox" className={`${check} mt-0.5`} disabled={disabled} {...register("stalled")} />
        <span>{t("stalled", { minutes: STALLED_AFTER_SECONDS / 60 })}</span>
      </label>
      <Field id="rule-disconnected" label={t("disconnected")} error={errors.disconnectedMinutes?.message}>
        {(aria) => (
          <input
            {...aria}
            {...register("disconnectedMinutes")}
            inputMode="numeric"
            disabled={disabled}
            className={inputClass(!!errors.disconnectedMinutes, "max-w-40")}
          />
        )}
      </Field>
      <p className="text-xs text-gray-700">{t("delivery")}</p>
      {canEdit ? (
        <Button type="submit" variant="primary" disabled={busy || lapsed || !form.formState.isDirty}>
          {busy ? t("working") : t("save")}
        </Button>
      ) : null}
    </form>
  );
}
