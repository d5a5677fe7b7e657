"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { changeConsumerGroupPassword, deleteConsumerGroup, resetConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { formatDateTime } from "@/lib/format";
import {
  changePasswordFormSchema,
  generatePassword,
  PASSWORD_RULE,
  resetPasswordFormSchema,
  type ChangePasswordForm,
  type ResetPasswordForm,
} from "@/lib/validation/consumer-group";
import { applyActionFailure, callAction, formMessage } from "../forms/action-failure";
import { signInAgainHref, useConsoleState, useTimeZone } from "../shell/console-state";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogBody, DialogContent, DialogFooter, DialogForm, DialogRoot } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useLandmark } from "../ui/use-landmark";
import { consumerGroupKeys } from "./query-keys";
import { ResetCheckpointDialog, type DataRange } from "./reset-checkpoint-dialog";

type ReturnFocus = () => HTMLElement | null;

/** Inside an open dialog, the banner of a lapsed session is behind the overlay: say it here too. */
export function LapsedNotice() {
  const { lapsed } = useConsoleState();
  if (!lapsed) return null;
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  const search = typeof window === "undefined" ? "" : window.location.search.slice(1);
  return (
    <p role="alert" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Your session has ended, so this cannot be saved.{" "}
      <a href={signInAgainHref(here, search)} className="font-medium text-blue-700 underline">
        Sign in again
      </a>
    </p>
  );
}

function ChangePasswordDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { oldPassword: "", newPassword: "", confirmPassword: "" },
    mode: "onChange",
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  async function onSubmit(values: ChangePasswordForm) {
    const result = await callAction(changeConsumerGroupPassword, { groupId: group.id, ...values }, markLapsed);
    if (!result.ok) {
      applyActionFailure(result, setError, ["oldPassword", "newPassword", "confirmPassword"]);
      return;
    }
    toast.success(`Password of ${group.name} changed`);
    onDone();
  }
  return (
    <DialogContent
      title="Change Password"
      description={
        <>
          Consumer group <span className="font-mono">{group.id}</span> ({group.name})
        </>
      }
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={formMessage(errors)} />
          <Field id="cp-old" label="Current Password" required error={errors.oldPassword?.message}>
            {(aria) => (
              <input
                {...aria}
                {...register("oldPassword")}
                type="password"
                autoComplete="current-password"
                className={inputClass(!!errors.oldPassword)}
              />
            )}
          </Field>
          <Field id="cp-new" label="New Password" required hint={PASSWORD_RULE} error={errors.newPassword?.message}>
            {(aria) => (
              <input
                {...aria}
                {...register("newPassword")}
                type="password"
                autoComplete="new-password"
                className={inputClass(!!errors.newPassword)}
              />
            )}
          </Field>
          <Field id="cp-confirm" label="Confirm Password" required error={errors.confirmPassword?.message}>
            {(aria) => (
              <input
                {...aria}
                {...register("confirmPassword")}
                type="password"
                autoComplete="new-password"
                className={inputClass(!!errors.confirmPassword)}
              />
            )}
          </Field>
        </DialogBody>
        <DialogFooter label="Change Password" busyLabel="Working…" busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}

function ResetPasswordDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const [shown, setShown] = useState<string | null>(null);
  const form = useForm<ResetPasswordForm>({
    resolver: zodResolver(resetPasswordFormSchema),
    defaultValues: { newPassword: "", confirmPassword: "" },
    mode: "onChange",
  });
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  async function onSubmit(values: ResetPasswordForm) {
    const result = await callAction(resetConsumerGroupPassword, { groupId: group.id, ...values }, markLapsed);
    if (!result.ok) {
      applyActionFailure(result, setError, ["newPassword", "confirmPassword"]);
      return;
    }
    toast.success(`Password of ${group.name} reset`);
    // Shown once, from what this browser typed; the server never returns it.
    setShown(values.newPassword);
    form.reset({ newPassword: "", confirmPassword: "" });
  }
  if (shown) {
    return (
      <DialogContent
        title="Password Reset"
        description="Copy the new password now. It is shown only once and cannot be read again."
        returnFocus={returnFocus}
      >
        <DialogBody className="space-y-3">
          <p className="text-sm text-gray-800">
            New password of{" "}
            <span className="font-mono break-all">
              {group.account}-{group.id}
            </span>
            :
          </p>
          <p className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
            <code data-testid="new-password" className="min-w-0 font-mono text-sm break-all">
              {shown}
            </code>
            <CopyButton value={shown} label="new password" />
          </p>
        </DialogBody>
        <div className="flex shrink-0 justify-end border-t border-gray-100 bg-gray-50 px-5 py-3">
          <Button variant="primary" onClick={onDone} data-autofocus>
            Done
          </Button>
        </div>
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title="Reset Password"
      description={
        <>
          Set a new password for <span className="font-mono">{group.id}</span> ({group.name}) without the current one.
        </>
      }
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={formMessage(errors)} />
          <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="reset-warning">
            {group.connected
              ? `A consumer is connected to this group${group.clientIp ? ` from ${group.clientIp}` : ""}. Resetting disconnects it; it must connect again with the new password.`
              : "Any consumer that connects later needs the new password; the current one stops working at once."}
          </p>
          <Field id="rp-new" label="New Password" required hint={PASSWORD_RULE} error={errors.newPassword?.message}>
            {(aria) => (
              <div className="flex gap-2">
                <input
                  {...aria}
                  {...register("newPassword")}
                  type="text"
                  autoComplete="new-password"
                  spellCheck={false}
                  className={inputClass(!!errors.newPassword, "font-mono")}
                />
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
            {(aria) => (
              <input
                {...aria}
                {...register("confirmPassword")}
                type="text"
                autoComplete="new-password"
                spellCheck={false}
                className={inputClass(!!errors.confirmPassword, "font-mono")}
              />
            )}
          </Field>
        </DialogBody>
        <DialogFooter label="Reset Password" busyLabel="Working…" busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}

function DeleteDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const { timeZone, label } = useTimeZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  async function confirm() {
    setBusy(true);
    const result = await callAction(deleteConsumerGroup, { groupId: group.id }, markLapsed);
    setBusy(false);
    if (!result.ok) {
      if (result.code !== "Unauthorized") setError(result.message);
      return;
    }
    toast.success(`Consumer group ${group.name} deleted`);
    onDone();
  }
  return (
    <DialogContent
      title={`Delete consumer group ${group.name}?`}
      description={
        <>
          Consumer group <span className="font-mono">{group.id}</span> will be deleted.
        </>
      }
      returnFocus={returnFocus}
    >
      <DialogBody className="space-y-3 text-sm text-gray-800">
        <LapsedNotice />
        <FormAlert message={error} />
        <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="delete-warning">
          {group.checkpointAt
            ? `Its consumption progress (checkpoint ${formatDateTime(group.checkpointAt, timeZone)} ${label}) is lost and cannot be recovered.`
            : "It has no consumption checkpoint yet. Deleting it cannot be undone."}{" "}
          {group.connected ? "The consumer connected to it is disconnected." : "No consumer is connected to it."}
        </p>
      </DialogBody>
      <DialogFooter label="Delete" busyLabel="Deleting…" busy={busy} danger disabled={lapsed} onConfirm={() => void confirm()} />
    </DialogContent>
  );
}

type Kind = "change" | "reset" | "checkpoint" | "delete";
const LABELS: Record<Kind, string> = {
  change: "Change Password",
  reset: "Reset Password",
  checkpoint: "Reset Checkpoint",
  delete: "Delete",
};
const PERMISSION = {
  change: "consumerGroup.changePassword",
  reset: "consumerGroup.resetPassword",
  checkpoint: "consumerGroup.resetCheckpoint",
  delete: "consumerGroup.delete",
} as const;
const WHO: Record<Kind, string> = {
  change: "operators and admins",
  reset: "admins only",
  checkpoint: "operators and admins",
  delete: "admins only",
};

const itemClass =
  "flex cursor-pointer flex-col rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-50 data-[disabled]:cursor-not-allowed data-[disabled]:text-gray-600";

/**
 * The row actions of a consumer group on one line: Details (everyone), and a More menu with
 * change, reset and delete. What a role may not do is disabled and says who may (docs/rules.md
 * "Roles"); a lapsed session disables the menu. Closing a dialog returns focus to the More
 * button, or after a delete (the row is gone) to the table's heading.
 */
export function GroupActions({
  group,
  instanceId,
  role,
  range,
  onDetails,
}: {
  group: ConsumerGroupRow;
  instanceId: string;
  role: Role;
  range: DataRange;
  onDetails: (trigger: HTMLElement) => void;
}) {
  const { lapsed } = useConsoleState();
  const landmark = useLandmark("main");
  const [open, setOpen] = useState<Kind | null>(null);
  const more = useRef<HTMLButtonElement>(null);
  const deleted = useRef(false);
  const queryClient = useQueryClient();
  const done = () => {
    if (open === "delete") deleted.current = true;
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
  };
  const returnFocus: ReturnFocus = () => (deleted.current ? document.getElementById("consumer-groups-title") : more.current);
  return (
    <div className="flex items-center gap-1 whitespace-nowrap">
      <Button
        variant="link"
        size="sm"
        className="h-6"
        onClick={(e) => {
          onDetails(e.currentTarget);
        }}
        aria-label={`Details of ${group.name}`}
      >
        Details
      </Button>
      <span aria-hidden className="text-gray-300">
        |
      </span>
      <Menu.Root modal={false}>
        <Menu.Trigger
          ref={more}
          disabled={lapsed}
          aria-label={`More actions for ${group.name}`}
          className="inline-flex h-6 items-center gap-1 rounded-sm px-1 text-xs font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:text-gray-600 disabled:no-underline"
        >
          More
          <svg aria-hidden viewBox="0 0 10 6" className="h-1.5 w-2" fill="currentColor">
            <path d="M0 0h10L5 6z" />
          </svg>
        </Menu.Trigger>
        <Menu.Portal container={landmark}>
          <Menu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-sm border border-gray-200 bg-white p-1 shadow-xl">
            {(Object.keys(LABELS) as Kind[]).map((kind) => {
              const allowed = can(role, PERMISSION[kind]);
              return (
                <Menu.Item
                  key={kind}
                  disabled={!allowed}
                  onSelect={() => {
                    setOpen(kind);
                  }}
                  className={`${itemClass} ${allowed && kind === "delete" ? "text-red-700" : ""}`}
                >
                  <span>{LABELS[kind]}</span>
                  {allowed ? null : (
                    <span className="text-xs">
                      Not for {role}s: {WHO[kind]}
                    </span>
                  )}
                </Menu.Item>
              );
            })}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <DialogRoot
        open={open !== null}
        onOpenChange={(next) => {
          if (!next) {
            if (open === "reset") done();
            else setOpen(null);
          }
        }}
      >
        {open === "change" ? <ChangePasswordDialog group={group} onDone={done} returnFocus={returnFocus} /> : null}
        {open === "reset" ? <ResetPasswordDialog group={group} onDone={done} returnFocus={returnFocus} /> : null}
        {open === "checkpoint" ? <ResetCheckpointDialog group={group} range={range} onDone={done} returnFocus={returnFocus} /> : null}
        {open === "delete" ? <DeleteDialog group={group} onDone={done} returnFocus={returnFocus} /> : null}
      </DialogRoot>
    </div>
  );
}
