"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "../ui/toast";
import { createConsumerGroup } from "@/lib/actions/consumer-group";
import { RULE_VALUES } from "@/i18n/keys";
import { createConsumerGroupFormSchema, type CreateConsumerGroupForm } from "@/lib/validation/consumer-group";
import { DialogBody, DialogContent, DialogDoneFooter, DialogFooter, DialogForm } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { PasswordField } from "../forms/password-field";
import { useActionForm } from "../forms/use-action-form";
import { useConsoleState } from "../shell/console-state";
import { ConnectGuide } from "./connect-guide";
import { LapsedNotice } from "./lapsed-notice";
import { FormAlert } from "../ui/form-feedback";
import { consumerGroupKeys } from "./query-keys";
import { mono } from "../ui/rich-tags";

const EMPTY: CreateConsumerGroupForm = { name: "", account: "", password: "", confirmPassword: "" };

/**
 * The Create Consumer Group dialog's form, loaded when the dialog first opens (it brings
 * react-hook-form and zod). Closing the dialog unmounts it: a typed password never waits in a
 * closed dialog.
 */
export default function CreateConsumerGroupDialogForm({
  instanceId,
  instanceName,
  onClose,
}: {
  instanceId: string;
  instanceName: string;
  onClose: () => void;
}) {
  const { lapsed } = useConsoleState();
  const [created, setCreated] = useState<{ id: string; name: string; account: string } | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const queryClient = useQueryClient();
  const t = useTranslations("consume");
  const { form, errors, alert, busy, onSubmit } = useActionForm(createConsumerGroupFormSchema, {
    defaultValues: EMPTY,
    mode: "onChange",
    action: createConsumerGroup,
    input: (values) => ({ instanceId, ...values }),
    onSuccess: async (data, values) => {
      toast.success(t("create.created", { name: data.name }), { description: t("create.createdId", { id: data.id }) });
      await queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
      // The consumer's next step: the dialog becomes the new group's connect guide (the typed
      // password is gone with the form).
      setCreated({ id: data.id, name: data.name, account: values.account });
    },
    // The server said no: every value kept, each message on its field (the hook), the rest on the form.
    // Quota, status and role changes show up in the table (and the Add button) at once.
    onRefused: () => void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) }),
  });
  const { register } = form;

  if (created) {
    return (
      <DialogContent
        title={t("connectGuide.createdTitle")}
        description={t.rich("connectGuide.createdBody", { name: created.name, id: created.id, mono })}
      >
        <DialogBody>
          <ConnectGuide groupId={created.id} account={created.account} />
        </DialogBody>
        <DialogDoneFooter label={t("connectGuide.done")} onDone={onClose} autoFocus />
      </DialogContent>
    );
  }

  return (
    <DialogContent title={t("create.title")} description={t.rich("create.description", { id: instanceId, name: instanceName, mono })}>
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={alert} />
          <Field id="cg-name" label={t("create.name")} required hint={t("rules.name", RULE_VALUES)} error={errors.name?.message}>
            {(aria) => <input {...aria} {...register("name")} maxLength={200} className={inputClass(!!errors.name)} />}
          </Field>
          <Field
            id="cg-account"
            label={t("create.account")}
            required
            hint={t("rules.account", RULE_VALUES)}
            error={errors.account?.message}
          >
            {(aria) => (
              <input {...aria} {...register("account")} autoComplete="off" spellCheck={false} className={inputClass(!!errors.account)} />
            )}
          </Field>
          <PasswordField
            id="cg-password"
            label={t("create.password")}
            hint={t("rules.password", RULE_VALUES)}
            error={errors.password?.message}
            register={() =>
              register("password", {
                onChange: () => {
                  if (form.getValues("confirmPassword")) void form.trigger("confirmPassword");
                },
              })
            }
            visible={showPassword}
            onToggle={() => setShowPassword((v) => !v)}
          />
          <PasswordField
            id="cg-confirm"
            label={t("create.confirmPassword")}
            error={errors.confirmPassword?.message}
            register={() => register("confirmPassword")}
            visible={showPassword}
            onToggle={() => setShowPassword((v) => !v)}
          />
        </DialogBody>
        <DialogFooter label={t("create.submit")} busyLabel={t("create.busy")} busy={busy} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
