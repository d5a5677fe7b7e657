"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "../ui/toast";
import { previewCheckpoint, recordsPerSecond } from "@/lib/consumer/checkpoint-preview";
import { resetConsumerGroupCheckpoint } from "@/lib/actions/consumer-group";
import type { ConsumerGroupList, ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { formatDateTime, formatDuration, formatMetric, instantOfWallClock } from "@/lib/format";
import { resetCheckpointFormSchema, type ResetCheckpointForm } from "@/lib/validation/consumer-group";
import { useActionForm } from "../forms/use-action-form";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter, DialogForm } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { consumerGroupKeys } from "./query-keys";
import { useGroupHistory } from "./use-group-history";

export interface DataRange {
  begin: string | null;
  end: string | null;
}

/**
 * Moves a group's consumption checkpoint (docs/rules.md "Consumption checkpoint"): to the earliest
 * or latest point of the instance's data range, a time within it (typed in the zone the page
 * shows), or where another group of the instance stands. Before it is confirmed, it says how much
 * data the next consumer will replay or skip, estimated from the group's heartbeat history. The
 * next consumer starts there. Refused while a consumer is connected; the server and the database
 * check the range.
 */
export function ResetCheckpointDialog({
  group,
  instanceId,
  range,
  onDone,
  returnFocus,
}: {
  group: ConsumerGroupRow;
  instanceId: string;
  range: DataRange;
  onDone: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const { lapsed } = useConsoleState();
  const { timeZone, label } = useTimeZone();
  const locale = useLocale();
  const t = useTranslations("consume.checkpoint");
  // The other groups as the table shows them, for "the same checkpoint as".
  const others = (useQueryClient().getQueryData<ConsumerGroupList>(consumerGroupKeys.list(instanceId))?.groups ?? []).filter(
    (g) => g.id !== group.id && g.checkpointAt !== null,
  );
  // The group's last hour of heartbeats (the drawer's query): its rate of records per second of data.
  const history = useGroupHistory(instanceId, group.id);
  const rate = history.data ? recordsPerSecond(history.data.samples) : null;
  const tActions = useTranslations("consume.actions");
  const { form, errors, alert, busy, onSubmit } = useActionForm(resetCheckpointFormSchema, {
    defaultValues: { target: "earliest", time: "", sameAs: "" },
    action: resetConsumerGroupCheckpoint,
    // "Same as" and a typed time both go to the server as the instant they name.
    input: (values) => {
      const serverTarget = values.target === "same" ? "time" : values.target;
      return { groupId: group.id, target: serverTarget, time: serverTarget === "time" ? (destination(values) ?? undefined) : undefined };
    },
    // A refused time lands on the field the choice showed: the typed time, or the group chosen
    // (the earliest and latest show none: the dialog's alert says it).
    fields: (values) => ({
      target: "target",
      time: values.target === "same" ? "sameAs" : values.target === "time" ? "time" : undefined,
    }),
    onSuccess: (data) => {
      toast.success(t("done", { name: group.name, time: formatDateTime(data.checkpointAt, timeZone), zone: label }));
      onDone();
    },
  });
  const { register, control } = form;
  const [target, typed, sameAs] = useWatch({ control, name: ["target", "time", "sameAs"] });
  /** Where the checkpoint would go: an instant, or null while the form does not say yet. */
  const destination = (v: { target: ResetCheckpointForm["target"]; time?: string; sameAs?: string }): string | null => {
    if (v.target === "earliest") return range.begin;
    if (v.target === "latest") return range.end;
    if (v.target === "same") return others.find((g) => g.id === v.sameAs)?.checkpointAt ?? null;
    // datetime-local has no zone: the time is typed in the zone the page shows.
    return v.time ? (instantOfWallClock(v.time, timeZone)?.toISOString() ?? null) : null;
  };
  const preview = previewCheckpoint(group.checkpointAt, destination({ target, time: typed, sameAs }), rate);
  const previewText = !group.checkpointAt
    ? t("previewNew")
    : !preview
      ? null
      : preview.direction === "same"
        ? t("previewSame")
        : t(
            preview.direction === "replay"
              ? preview.records === null
                ? "previewReplayUnknown"
                : "previewReplay"
              : preview.records === null
                ? "previewSkipUnknown"
                : "previewSkip",
            { duration: formatDuration(preview.seconds, locale), records: formatMetric(preview.records ?? 0, "", locale) },
          );
  const rangeText =
    range.begin && range.end
      ? t("rangeText", { begin: formatDateTime(range.begin, timeZone), end: formatDateTime(range.end, timeZone), zone: label })
      : t("noData");
  return (
    <DialogContent title={t("title", { name: group.name })} description={t("description")} returnFocus={returnFocus}>
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-3 text-sm text-gray-800">
          <FormAlert message={alert} />
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
            <label className="flex items-center gap-2">
              <input type="radio" value="same" {...register("target")} disabled={!others.length} /> {t("same")}
            </label>
            {!others.length ? <p className="pl-6 text-xs text-gray-700">{t("sameNone")}</p> : null}
          </fieldset>
          {target === "time" ? (
            <Field id="ckpt-time" label={t("timeLabel", { zone: label })} required hint={t("timeHint")} error={errors.time?.message}>
              {(aria) => <input {...aria} {...register("time")} type="datetime-local" step={1} className={inputClass(!!errors.time)} />}
            </Field>
          ) : null}
          {target === "same" ? (
            <Field id="ckpt-same" label={t("sameLabel")} required error={errors.sameAs?.message}>
              {(aria) => (
                <select {...aria} {...register("sameAs")} className={inputClass(!!errors.sameAs)}>
                  <option value="" />
                  {others.map((g) => (
                    <option key={g.id} value={g.id}>
                      {t("sameOption", { name: g.name, time: formatDateTime(g.checkpointAt, timeZone), zone: label })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {previewText ? (
            <p
              data-testid="checkpoint-preview"
              aria-live="polite"
              className="rounded-sm border border-blue-100 bg-blue-50 px-3 py-2 text-gray-900"
            >
              <span className="sr-only">{t("previewLabel")}: </span>
              {previewText}
            </p>
          ) : null}
        </DialogBody>
        <DialogFooter label={t("submit")} busyLabel={tActions("working")} busy={busy} disabled={lapsed || group.connected} />
      </DialogForm>
    </DialogContent>
  );
}
