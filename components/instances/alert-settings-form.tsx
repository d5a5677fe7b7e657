"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { toast } from "../ui/toast";
import { configureInstanceAlert } from "@/lib/actions/instance-alert";
import { instanceAlertFormSchema, type InstanceAlertForm } from "@/lib/validation/instance-alert";
import { useConsoleState } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter, DialogForm } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useActionForm } from "../forms/use-action-form";

/** The Configure Monitoring and Alerting dialog's form (docs/rules.md "Alerts"), loaded when it first opens. */
export default function AlertSettingsForm({
  instanceId,
  current,
  onClose,
}: {
  instanceId: string;
  current: InstanceAlertForm;
  onClose: () => void;
}) {
  const { lapsed } = useConsoleState();
  const router = useRouter();
  const t = useTranslations("instance.alerts");
  const { form, errors, alert, busy, onSubmit } = useActionForm(instanceAlertFormSchema, {
    defaultValues: current,
    mode: "onChange",
    action: configureInstanceAlert,
    input: (values) => ({ instanceId, ...values }),
    onSuccess: () => {
      toast.success(t("saved", { id: instanceId }));
      onClose();
      router.refresh();
    },
  });
  const { register, control } = form;
  const delayOn = useWatch({ control, name: "delayAlert" });

  const check = "h-4 w-4 rounded-sm border-gray-400 text-blue-600 focus-visible:outline-2 focus-visible:outline-blue-600";
  return (
    <DialogContent title={t("dialogTitle")} description={t("dialogDescription", { id: instanceId })}>
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-5">
          <FormAlert message={alert} />
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold text-gray-900">{t("delay")}</legend>
            <label className="flex items-center gap-2 text-sm text-gray-800">
              <input type="checkbox" className={check} {...register("delayAlert")} />
              {t("monitor")}
            </label>
            <Field
              id="alert-threshold"
              label={t("delayThreshold")}
              required={delayOn}
              hint={t("delayHint")}
              error={errors.delayOverSeconds?.message}
            >
              {(aria) => (
                <input
                  {...aria}
                  {...register("delayOverSeconds")}
                  inputMode="numeric"
                  autoComplete="off"
                  className={inputClass(!!errors.delayOverSeconds, "max-w-40")}
                />
              )}
            </Field>
            <Field id="alert-delay-phone" label={t("delayPhone")} hint={t("phoneHint")} error={errors.delayAlertPhone?.message}>
              {(aria) => (
                <input
                  {...aria}
                  {...register("delayAlertPhone")}
                  inputMode="tel"
                  autoComplete="off"
                  className={inputClass(!!errors.delayAlertPhone)}
                />
              )}
            </Field>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-sm font-semibold text-gray-900">{t("error")}</legend>
            <label className="flex items-center gap-2 text-sm text-gray-800">
              <input type="checkbox" className={check} {...register("errorAlert")} aria-describedby="alert-error-hint" />
              {t("monitor")}
            </label>
            <p id="alert-error-hint" className="text-xs text-gray-700">
              {t("errorHint")}
            </p>
            <Field id="alert-error-phone" label={t("errorPhone")} hint={t("phoneHint")} error={errors.errorAlertPhone?.message}>
              {(aria) => (
                <input
                  {...aria}
                  {...register("errorAlertPhone")}
                  inputMode="tel"
                  autoComplete="off"
                  className={inputClass(!!errors.errorAlertPhone)}
                />
              )}
            </Field>
          </fieldset>
        </DialogBody>
        <DialogFooter label={t("save")} busyLabel={t("working")} busy={busy} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
