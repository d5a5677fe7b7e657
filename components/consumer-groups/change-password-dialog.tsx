"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "../ui/toast";
import { RULE_VALUES } from "@/i18n/keys";
import { changeConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { changePasswordFormSchema } from "@/lib/validation/consumer-group";
import { useActionForm } from "../forms/use-action-form";
import { PasswordField } from "../forms/password-field";
import { useConsoleState } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter, DialogForm } from "../ui/dialog";
import { FormAlert } from "../ui/form-feedback";
import { mono } from "../ui/rich-tags";
import { LapsedNotice, type RowDialogProps } from "./lapsed-notice";

/** Change Password (operator and admin): the current password, and the new one twice. Loaded when opened. */
export default function ChangePasswordDialog({ group, onDone, returnFocus }: RowDialogProps) {
  const { lapsed } = useConsoleState();
  const t = useTranslations("consume");
  // The new password and its confirmation show and hide together; the current one on its own.
  const [showNew, setShowNew] = useState(false);
  const { form, errors, alert, busy, onSubmit } = useActionForm(changePasswordFormSchema, {
    defaultValues: { oldPassword: "", newPassword: "", confirmPassword: "" },
    mode: "onChange",
    action: changeConsumerGroupPassword,
    input: (values) => ({ groupId: group.id, ...values }),
    onSuccess: () => {
      toast.success(t("changePassword.done", { name: group.name }));
      onDone();
    },
  });
  const { register } = form;
  return (
    <DialogContent
      title={t("changePassword.title")}
      description={t.rich("changePassword.description", { id: group.id, name: group.name, mono })}
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={alert} />
          <PasswordField
            id="cp-old"
            label={t("changePassword.current")}
            error={errors.oldPassword?.message}
            register={() => register("oldPassword")}
            autoComplete="current-password"
          />
          <PasswordField
            id="cp-new"
            label={t("changePassword.new")}
            hint={t("rules.password", RULE_VALUES)}
            error={errors.newPassword?.message}
            register={() => register("newPassword")}
            visible={showNew}
            onToggle={() => setShowNew((v) => !v)}
          />
          <PasswordField
            id="cp-confirm"
            label={t("changePassword.confirm")}
            error={errors.confirmPassword?.message}
            register={() => register("confirmPassword")}
            visible={showNew}
            onToggle={() => setShowNew((v) => !v)}
          />
        </DialogBody>
        <DialogFooter label={t("changePassword.submit")} busyLabel={t("actions.working")} busy={busy} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
