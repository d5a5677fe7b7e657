"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { resetConsumerGroupCheckpoint } from "@/lib/actions/consumer-group";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { formatDateTime } from "@/lib/format";
import { resetCheckpointFormSchema, type ResetCheckpointForm } from "@/lib/validation/consumer-group";
import { applyActionFailure, callAction, formMessage } from "../forms/action-failure";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter, DialogForm } from "../ui/dialog";
import { Field, inputClass, useMessageText } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";

export interface DataRange {
  begin: string | null;
  end: string | null;
}

/**
 * Moves a group's consumption checkpoint (docs/rules.md "Consumption checkpoint"): to the earliest
 * or latest point of the instance's data range, or a UTC time within it. The next consumer starts
 * there. Refused while a consumer is connected; the server and the database check the range.
 */
export function ResetCheckpointDialog({
  group,
  range,
  onDone,
  returnFocus,
}: {
  group: ConsumerGroupRow;
  range: DataRange;
  onDone: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const { lapsed, markLapsed } = useConsoleState();
  const { timeZone, label } = useTimeZone();
  const t = useTranslations("consume.checkpoint");
  const tActions = useTranslations("consume.actions");
  const messageText = useMessageText();
  const form = useForm<ResetCheckpointForm>({
    resolver: zodResolver(resetCheckpointFormSchema),
    defaultValues: { target: "earliest", time: "" },
  });
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const target = useWatch({ control, name: "target" });
  async function onSubmit(values: ResetCheckpointForm) {
    // The time field is a UTC wall-clock time (datetime-local has no zone): say so to the server.
    const time = values.target === "time" && values.time ? new Date(`${values.time}Z`).toISOString() : undefined;
    const result = await callAction(resetConsumerGroupCheckpoint, { groupId: group.id, target: values.target, time }, markLapsed);
    if (!result.ok) {
      applyActionFailure(result, setError, ["target", "time"]);
      return;
    }
    toast.success(t("done", { name: group.name, time: formatDateTime(result.data.checkpointAt, timeZone), zone: label }));
    onDone();
  }
  const rangeText =
    range.begin && range.end
      ? t("rangeText", { begin: formatDateTime(range.begin, timeZone), end: formatDateTime(range.end, timeZone), zone: label })
      : t("noData");
  return (
    <DialogContent title={t("title", { name: group.name })} description={t("description")} returnFocus={returnFocus}>
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-3 text-sm text-gray-800">
          <FormAlert message={messageText(formMessage(errors))} />
          {group.connected ? (
            <p role="alert" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {t("connected")}
            </p>
          ) : null}
          <p data-testid="checkpoint-range">{t("range", { range: rangeText })}</p>
          <fieldset className="space-y-1.5">
            <legend className="mb-1 font-medium text-gray-900">{t("startFrom")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" value="earliest" {...register("target")} /> {t("earliest")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="latest" {...register("target")} /> {t("latest")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" value="time" {...register("target")} /> {t("time")}
            </label>
          </fieldset>
          {target === "time" ? (
            <Field id="ckpt-time" label={t("timeLabel")} required hint={t("timeHint")} error={errors.time?.message}>
              {(aria) => <input {...aria} {...register("time")} type="datetime-local" step={1} className={inputClass(!!errors.time)} />}
            </Field>
          ) : null}
        </DialogBody>
        <DialogFooter label={t("submit")} busyLabel={tActions("working")} busy={isSubmitting} disabled={lapsed || group.connected} />
      </DialogForm>
    </DialogContent>
  );
}
