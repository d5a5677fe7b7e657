"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "../ui/toast";
import { RULE_VALUES } from "@/i18n/keys";
import { resetConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { generatePassword, resetPasswordFormSchema } from "@/lib/validation/consumer-group";
import { PasswordField } from "../forms/password-field";
import { useActionForm } from "../forms/use-action-form";
import { useConsoleState } from "../shell/console-state";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogBody, DialogContent, DialogDoneFooter, DialogFooter, DialogForm } from "../ui/dialog";
import { FormAlert } from "../ui/form-feedback";
import { ConnectGuide } from "./connect-guide";
import { mono } from "../ui/rich-tags";
import { LapsedNotice, type RowDialogProps } from "./lapsed-notice";

/**
 * Reset Password (admin): a new password without the current one, shown once from what this
 * browser typed. Loaded when opened.
 */
export default function ResetPasswordDialog({ group, onDone, returnFocus }: RowDialogProps) {
  const { lapsed } = useConsoleState();
  const [shown, setShown] = useState<string | null>(null);
  // Hidden while typed, like every password field; Generate shows both (they show and hide together).
  const [visible, setVisible] = useState(false);
  const t = useTranslations("consume");
  const { form, errors, alert, busy, onSubmit } = useActionForm(resetPasswordFormSchema, {
    defaultValues: { newPassword: "", confirmPassword: "" },
    mode: "onChange",
    action: resetConsumerGroupPassword,
    input: (values) => ({ groupId: group.id, ...values }),
    onSuccess: (_, values) => {
      toast.success(t("resetPassword.done", { name: group.name }));
      // Shown once, from what this browser typed; the server never returns it.
      setShown(values.newPassword);
      form.reset({ newPassword: "", confirmPassword: "" });
    },
  });
  const { register, setValue } = form;
  if (shown) {
    return (
      <DialogContent title={t("resetPassword.shownTitle")} description={t("resetPassword.shownDescription")} returnFocus={returnFocus}>
        <DialogBody className="space-y-3">
          <p className="text-sm text-gray-800">
            {t.rich("resetPassword.newPasswordOf", {
              user: `${group.account}-${group.id}`,
              mono: (chunks) => <span className="font-mono break-all">{chunks}</span>,
            })}
          </p>
          <p className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
            <code data-testid="new-password" className="min-w-0 font-mono text-sm break-all">
              {shown}
            </code>
            {/* Focus on Copy: the one thing to do with a password shown once. */}
            <CopyButton value={shown} label={t("resetPassword.copy")} autoFocus />
          </p>
          <ConnectGuide groupId={group.id} account={group.account} />
        </DialogBody>
        <DialogDoneFooter label={t("resetPassword.close")} onDone={onDone} />
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title={t("resetPassword.title")}
      description={t.rich("resetPassword.description", { id: group.id, name: group.name, mono })}
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={alert} />
          <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="reset-warning">
            {group.connected
              ? group.clientIp
                ? t("resetPassword.connectedFrom", { ip: group.clientIp })
                : t("resetPassword.connected")
              : t("resetPassword.idle")}
          </p>
          <PasswordField
            id="rp-new"
            label={t("resetPassword.new")}
            hint={t("rules.password", RULE_VALUES)}
            error={errors.newPassword?.message}
            register={() => register("newPassword")}
            visible={visible}
            onToggle={() => setVisible((v) => !v)}
            mono
            beside={
              <Button
                className="shrink-0 whitespace-nowrap"
                onClick={() => {
                  const pw = generatePassword();
                  // A generated password is shown: the admin hands it to the consumer's owner.
                  setVisible(true);
                  setValue("newPassword", pw, { shouldValidate: true });
                  setValue("confirmPassword", pw, { shouldValidate: true });
                }}
              >
                {t("resetPassword.generate")}
              </Button>
            }
          />
          <PasswordField
            id="rp-confirm"
            label={t("resetPassword.confirm")}
            error={errors.confirmPassword?.message}
            register={() => register("confirmPassword")}
            visible={visible}
            onToggle={() => setVisible((v) => !v)}
            mono
          />
        </DialogBody>
        <DialogFooter label={t("resetPassword.submit")} busyLabel={t("actions.working")} busy={busy} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
