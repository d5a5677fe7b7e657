"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { changeConsumerGroupPassword, deleteConsumerGroup, resetConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import {
  changePasswordFormSchema,
  generatePassword,
  PASSWORD_RULE,
  resetPasswordFormSchema,
  type ChangePasswordForm,
  type ResetPasswordForm,
} from "@/lib/validation/consumer-group";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogContent, DialogFooter, DialogRoot } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { applyActionFailure } from "../forms/action-failure";
import { FormAlert } from "../ui/form-feedback";
import { Tooltip } from "../ui/tooltip";
import { consumerGroupKeys } from "./query-keys";

function ChangePasswordDialog({ group, onDone }: { group: ConsumerGroupRow; onDone: () => void }) {
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { oldPassword: "", newPassword: "", confirmPassword: "" },
    mode: "onChange",
  });
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = form;
  async function onSubmit(values: ChangePasswordForm) {
    const result = await changeConsumerGroupPassword({ groupId: group.id, ...values });
    if (!result.ok) return applyActionFailure(result, setError, ["oldPassword", "newPassword", "confirmPassword"]);
    toast.success(`Password of ${group.name} changed`);
    onDone();
  }
  return (
    <DialogContent title="Change Password" description={<>Consumer group <span className="font-mono">{group.id}</span> ({group.name})</>}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <div className="space-y-4 px-5 py-4">
          <FormAlert message={errors.root?.server?.message} />
          <Field id="cp-old" label="Current Password" required error={errors.oldPassword?.message}>
            {(aria) => <input {...aria} {...register("oldPassword")} type="password" autoComplete="current-password" className={inputClass(!!errors.oldPassword)} />}
          </Field>
          <Field id="cp-new" label="New Password" required hint={PASSWORD_RULE} error={errors.newPassword?.message}>
            {(aria) => <input {...aria} {...register("newPassword")} type="password" autoComplete="new-password" className={inputClass(!!errors.newPassword)} />}
          </Field>
          <Field id="cp-confirm" label="Confirm Password" required error={errors.confirmPassword?.message}>
            {(aria) => <input {...aria} {...register("confirmPassword")} type="password" autoComplete="new-password" className={inputClass(!!errors.confirmPassword)} />}
          </Field>
        </div>
        <DialogFooter label="Change Password" busyLabel="Working…" busy={isSubmitting} />
      </form>
    </DialogContent>
  );
}

function ResetPasswordDialog({ group, onDone }: { group: ConsumerGroupRow; onDone: () => void }) {
  const [shown, setShown] = useState<string | null>(null);
  const form = useForm<ResetPasswordForm>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { newPassword: "", confirmPassword: "" },
    mode: "onChange",
  });
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = form;
  async function onSubmit(values: ResetPasswordForm) {
    const result = await resetConsumerGroupPassword({ groupId: group.id, ...values });
    if (!result.ok) return applyActionFailure(result, setError, ["newPassword", "confirmPassword"]);
    toast.success(`Password of ${group.name} reset`);
    // Shown once, from what this browser typed; the server never returns it.
    setShown(values.newPassword);
    form.reset({ newPassword: "", confirmPassword: "" });
  }
  if (shown) {
    return (
      <DialogContent title="Password Reset" description="Copy the new password now. It is shown only once and cannot be read again.">
        <div className="space-y-3 px-5 py-4">
          <p className="text-sm text-gray-700">New password of <span className="font-mono">{group.account}-{group.id}</span>:</p>
          <p className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
            <code data-testid="new-password" className="font-mono text-sm">{shown}</code>
            <CopyButton value={shown} label="new password" />
          </p>
          <p className="text-xs text-gray-500">The connected consumer, if any, was disconnected and must sign in with the new password.</p>
        </div>
        <div className="flex justify-end border-t border-gray-100 bg-gray-50 px-5 py-3">
          <Button variant="primary" onClick={onDone}>Done</Button>
        </div>
      </DialogContent>
    );
  }
  return (
    <DialogContent title="Reset Password" description={<>Set a new password for <span className="font-mono">{group.id}</span> ({group.name}) without the current one.</>}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <div className="space-y-4 px-5 py-4">
          <FormAlert message={errors.root?.server?.message} />
          <Field id="rp-new" label="New Password" required hint={PASSWORD_RULE} error={errors.newPassword?.message}>
            {(aria) => (
              <div className="flex gap-2">
                <input {...aria} {...register("newPassword")} type="text" autoComplete="new-password" spellCheck={false} className={inputClass(!!errors.newPassword, "font-mono")} />
                <Button
                  onClick={() => {
                    const pw = generatePassword();
                    setValue("newPassword", pw, { shouldValidate: true });
                    setValue("confirmPassword", pw, { shouldValidate: true });
                  }}
                >
                  Generate
                </Button>
              </div>
            )}
          </Field>
          <Field id="rp-confirm" label="Confirm Password" required error={errors.confirmPassword?.message}>
            {(aria) => <input {...aria} {...register("confirmPassword")} type="text" autoComplete="new-password" spellCheck={false} className={inputClass(!!errors.confirmPassword, "font-mono")} />}
          </Field>
        </div>
        <DialogFooter label="Reset Password" busyLabel="Working…" busy={isSubmitting} />
      </form>
    </DialogContent>
  );
}

function DeleteDialog({ group, onDone }: { group: ConsumerGroupRow; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  async function confirm() {
    setBusy(true);
    let result: Awaited<ReturnType<typeof deleteConsumerGroup>>;
    try {
      result = await deleteConsumerGroup({ groupId: group.id });
    } catch {
      // The request itself failed (network, session gone): the dialog must not stay busy.
      setError("The console could not be reached. Nothing was deleted; try again.");
      return;
    } finally {
      setBusy(false);
    }
    if (!result.ok) return setError(result.message);
    toast.success(`Consumer group ${group.name} deleted`);
    onDone();
  }
  return (
    <DialogContent title={`Delete consumer group ${group.name}?`} description={<>Consumer group <span className="font-mono">{group.id}</span> will be deleted.</>}>
      <div className="space-y-3 px-5 py-4 text-sm text-gray-700">
        <FormAlert message={error} />
        <p className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">
          Its consumption progress (checkpoint {group.checkpointAt ? "and offsets" : ""}) is lost and cannot be recovered. A consumer using it is disconnected.
        </p>
      </div>
      <DialogFooter label="Delete" busyLabel="Deleting…" busy={busy} danger onConfirm={confirm} />
    </DialogContent>
  );
}

type Kind = "change" | "reset" | "delete";
const LABELS: Record<Kind, string> = { change: "Change Password", reset: "Reset Password", delete: "Delete" };
const PERMISSION = { change: "consumerGroup.changePassword", reset: "consumerGroup.resetPassword", delete: "consumerGroup.delete" } as const;

/** The row actions of a consumer group; what a role may not do is disabled and says why. */
export function GroupActions({ group, instanceId, role }: { group: ConsumerGroupRow; instanceId: string; role: Role }) {
  const [open, setOpen] = useState<Kind | null>(null);
  const queryClient = useQueryClient();
  const done = () => {
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.list(instanceId) });
  };
  return (
    <div className="flex flex-col items-start whitespace-nowrap">
      {(Object.keys(LABELS) as Kind[]).map((kind) => {
        const allowed = can(role, PERMISSION[kind]);
        const label = LABELS[kind];
        return (
          <span key={kind} className="leading-6">
            {allowed ? (
              <Button variant="link" size="sm" className={kind === "delete" ? "h-6 text-red-600" : "h-6"} onClick={() => setOpen(kind)} aria-label={`${label} ${group.name}`}>
                {label}
              </Button>
            ) : (
              <Tooltip content={`Your role (${role}) cannot ${label.toLowerCase()}.`}>
                <span tabIndex={0} aria-label={`${label} ${group.name} (unavailable for ${role})`} className="cursor-not-allowed text-xs text-gray-400">
                  {label}
                </span>
              </Tooltip>
            )}
          </span>
        );
      })}
      <DialogRoot open={open !== null} onOpenChange={(next) => !next && (open === "reset" ? done() : setOpen(null))}>
        {open === "change" ? <ChangePasswordDialog group={group} onDone={done} /> : null}
        {open === "reset" ? <ResetPasswordDialog group={group} onDone={done} /> : null}
        {open === "delete" ? <DeleteDialog group={group} onDone={done} /> : null}
      </DialogRoot>
    </div>
  );
}
