"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWordedResolver } from "../forms/worded-resolver";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "../ui/toast";
import { createConsumerGroup } from "@/lib/actions/consumer-group";
import { RULE_VALUES } from "@/i18n/keys";
import { createConsumerGroupFormSchema, type CreateConsumerGroupForm } from "@/lib/validation/consumer-group";
import { DialogBody, DialogContent, DialogDoneFooter, DialogFooter, DialogForm } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { formMessage } from "../forms/call-action";
import { PasswordField } from "../forms/password-field";
import { useServerAction } from "../forms/use-server-action";
import { useConsoleState } from "../shell/console-state";
import { ConnectGuide } from "./connect-guide";
import { LapsedNotice } from "./lapsed-notice";
import { FormAlert } from "../ui/form-feedback";
import { consumerGroupKeys } from "./query-keys";

const EMPTY: CreateConsumerGroupForm = { name: "", account: "", password: "", confirmPassword: "" };
const FIELDS = Object.keys(EMPTY);

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
  const form = useForm<CreateConsumerGroupForm>({
    resolver: useWordedResolver(zodResolver(createConsumerGroupFormSchema)),
    defaultValues: EMPTY,
    mode: "onChange",
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const run = useServerAction(createConsumerGroup, { setError, fields: FIELDS });
  async function onSubmit(values: CreateConsumerGroupForm) {
    const result = await run({ instanceId, ...values });
    if (result.ok) {
      toast.success(t("create.created", { name: result.data.name }), { description: t("create.createdId", { id: result.data.id }) });
      await queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
      // The consumer's next step: the dialog becomes the new group's connect guide (the typed
      // password is gone with the form).
      setCreated({ id: result.data.id, name: result.data.name, account: values.account });
      return;
    }
    // The server said no: every value kept, each message on its field (the hook), the rest on the form.
    // Quota, status and role changes show up in the table (and the Add button) at once.
    void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
  }

  if (created) {
    return (
      <DialogContent
        title={t("connectGuide.createdTitle")}
        description={t.rich("connectGuide.createdBody", {
          name: created.name,
          id: created.id,
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      >
        <DialogBody>
          <ConnectGuide groupId={created.id} account={created.account} />
        </DialogBody>
        <DialogDoneFooter label={t("connectGuide.done")} onDone={onClose} autoFocus />
      </DialogContent>
    );
  }

  return (
    <DialogContent
      title={t("create.title")}
      description={t.rich("create.description", {
        id: instanceId,
        name: instanceName,
        mono: (chunks) => <span className="font-mono">{chunks}</span>,
      })}
    >
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={formMessage(errors)} />
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
        <DialogFooter label={t("create.submit")} busyLabel={t("create.busy")} busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
