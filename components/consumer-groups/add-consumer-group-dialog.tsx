"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createConsumerGroup } from "@/lib/actions/consumer-group";
import {
  ACCOUNT_RULE,
  createConsumerGroupFormSchema,
  NAME_RULE,
  PASSWORD_RULE,
  type CreateConsumerGroupForm,
} from "@/lib/validation/consumer-group";
import { Button } from "../ui/button";
import { DialogBody, DialogContent, DialogFooter, DialogForm, DialogRoot, DialogTrigger } from "../ui/dialog";
import { ExplainedButton } from "../ui/explained-button";
import { Field, inputClass } from "../ui/field";
import { applyActionFailure, callAction, formMessage } from "../forms/action-failure";
import { useConsoleState } from "../shell/console-state";
import { LapsedNotice } from "./group-actions";
import { FormAlert } from "../ui/form-feedback";
import { useHydrated } from "../ui/use-hydrated";
import { consumerGroupKeys } from "./query-keys";

const EMPTY: CreateConsumerGroupForm = { name: "", account: "", password: "", confirmPassword: "" };
const FIELDS = Object.keys(EMPTY);

/** A password input with a show/hide toggle. */
function PasswordInput({ visible, onToggle, ...props }: React.ComponentProps<"input"> & { visible: boolean; onToggle: () => void }) {
  return (
    <div className="relative">
      <input {...props} type={visible ? "text" : "password"} autoComplete="new-password" />
      <button
        type="button"
        onClick={onToggle}
        aria-pressed={visible}
        aria-label={visible ? "Hide password" : "Show password"}
        className="absolute inset-y-0 right-0 px-2.5 text-xs text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {visible ? "Hide" : "Show"}
      </button>
    </div>
  );
}

/**
 * The Create Consumer Group button and dialog of DTS's Data Consume page. Closing the dialog
 * (Cancel, Esc, done) clears it: a typed password never waits in a closed dialog.
 */
export function AddConsumerGroupDialog({
  instanceId,
  instanceName,
  disabledReason,
}: {
  instanceId: string;
  instanceName: string;
  disabledReason: string | null;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { lapsed, markLapsed } = useConsoleState();
  const [showPassword, setShowPassword] = useState(false);
  const queryClient = useQueryClient();
  const form = useForm<CreateConsumerGroupForm>({
    resolver: zodResolver(createConsumerGroupFormSchema),
    defaultValues: EMPTY,
    mode: "onChange",
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit(values: CreateConsumerGroupForm) {
    const result = await callAction(createConsumerGroup, { instanceId, ...values }, markLapsed);
    if (result.ok) {
      toast.success(`Consumer group ${result.data.name} created`, { description: `ID ${result.data.id}` });
      await queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
      close();
      return;
    }
    // The server said no: keep every value, put each message on its field, the rest on the form.
    applyActionFailure(result, setError, FIELDS);
    // Quota, status and role changes show up in the table (and the Add button) at once.
    void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
  }

  function close() {
    reset(EMPTY);
    setShowPassword(false);
    setOpen(false);
  }

  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        if (next) setOpen(true);
        else close();
      }}
    >
      {disabledReason || lapsed ? (
        <ExplainedButton variant="primary" reason={disabledReason ?? "Your session has ended. Sign in again to create consumer groups."}>
          Create Consumer Group
        </ExplainedButton>
      ) : (
        // A real Radix trigger, so focus returns to it when the dialog closes. Disabled until
        // hydration: in the server's HTML it looks ready but would open nothing.
        <DialogTrigger asChild>
          <Button variant="primary" disabled={!hydrated}>
            Create Consumer Group
          </Button>
        </DialogTrigger>
      )}
      <DialogContent
        title="Create Consumer Group"
        description={
          <>
            Instance <span className="font-mono">{instanceId}</span> ({instanceName})
          </>
        }
      >
        <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
          <DialogBody className="space-y-4">
            <LapsedNotice />
            <FormAlert message={formMessage(errors)} />
            <Field id="cg-name" label="Consumer Group Name" required hint={NAME_RULE} error={errors.name?.message}>
              {(aria) => <input {...aria} {...register("name")} maxLength={200} className={inputClass(!!errors.name)} />}
            </Field>
            <Field id="cg-account" label="Account" required hint={ACCOUNT_RULE} error={errors.account?.message}>
              {(aria) => (
                <input {...aria} {...register("account")} autoComplete="off" spellCheck={false} className={inputClass(!!errors.account)} />
              )}
            </Field>
            <Field id="cg-password" label="Password" required hint={PASSWORD_RULE} error={errors.password?.message}>
              {(aria) => (
                <PasswordInput
                  {...aria}
                  {...register("password", {
                    onChange: () => {
                      if (form.getValues("confirmPassword")) void form.trigger("confirmPassword");
                    },
                  })}
                  visible={showPassword}
                  onToggle={() => setShowPassword((v) => !v)}
                  className={inputClass(!!errors.password, "pr-14")}
                />
              )}
            </Field>
            <Field
              id="cg-confirm"
              label="Confirm Password"
              required
              hint="Enter the password again."
              error={errors.confirmPassword?.message}
            >
              {(aria) => (
                <PasswordInput
                  {...aria}
                  {...register("confirmPassword")}
                  visible={showPassword}
                  onToggle={() => setShowPassword((v) => !v)}
                  className={inputClass(!!errors.confirmPassword, "pr-14")}
                />
              )}
            </Field>
          </DialogBody>
          <DialogFooter label="Create" busyLabel="Creating…" busy={isSubmitting} disabled={lapsed} />
        </DialogForm>
      </DialogContent>
    </DialogRoot>
  );
}
