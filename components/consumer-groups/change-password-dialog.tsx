"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWordedResolver } from "../forms/worded-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "../ui/toast";
import { RULE_VALUES } from "@/i18n/keys";
import { changeConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { changePasswordFormSchema, type ChangePasswordForm } from "@/lib/validation/consumer-group";
import { formMessage } from "../forms/call-action";
import { PasswordField } from "../forms/password-field";
import { useServerAction } from "../forms/use-server-action";
import { useConsoleState } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter, DialogForm } from "../ui/dialog";
import { FormAlert } from "../ui/form-feedback";
import { LapsedNotice, mono, type RowDialogProps } from "./lapsed-notice";

const FIELDS = ["oldPassword", "newPassword", "confirmPassword"];

/** Change Password (operator and admin): the current password, and the new one twice. Loaded when opened. */
export default function ChangePasswordDialog({ group, onDone, returnFocus }: RowDialogProps) {
  const { lapsed } = useConsoleState();
  const t = useTranslations("consume");
  // The new password and its confirmation show and hide together; the current one on its own.
  const [showNew, setShowNew] = useState(false);
  const form = useForm<ChangePasswordForm>({
    resolver: useWordedResolver(zodResolver(changePasswordFormSchema)),
    defaultValues: { oldPassword: "", newPassword: "", confirmPassword: "" },
    mode: "onChange",
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const run = useServerAction(changeConsumerGroupPassword, { setError, fields: FIELDS });
  async function onSubmit(values: ChangePasswordForm) {
    const result = await run({ groupId: group.id, ...values });
    if (!result.ok) return;
    toast.success(t("changePassword.done", { name: group.name }));
    onDone();
  }
  return (
    <DialogContent
      title={t("changePassword.title")}
      description={t.rich("changePassword.description", { id: group.id, name: group.name, mono })}
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={formMessage(errors)} />
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
        <DialogFooter label={t("changePassword.submit")} busyLabel={t("actions.working")} busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
