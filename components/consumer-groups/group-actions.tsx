"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { changeConsumerGroupPassword, deleteConsumerGroup, resetConsumerGroupPassword } from "@/lib/actions/consumer-group";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { formatDateTime } from "@/lib/format";
import { RULE_VALUES } from "@/i18n/keys";
import {
  changePasswordFormSchema,
  generatePassword,
  resetPasswordFormSchema,
  type ChangePasswordForm,
  type ResetPasswordForm,
} from "@/lib/validation/consumer-group";
import { applyActionFailure, callAction, formMessage } from "../forms/action-failure";
import { signInAgainHref, useConsoleState, useTimeZone } from "../shell/console-state";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogBody, DialogContent, DialogFooter, DialogForm, DialogRoot } from "../ui/dialog";
import { Field, inputClass, useMessageText } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useLandmark } from "../ui/use-landmark";
import { consumerGroupKeys } from "./query-keys";
import { ResetCheckpointDialog, type DataRange } from "./reset-checkpoint-dialog";

type ReturnFocus = () => HTMLElement | null;

/** Inside an open dialog, the banner of a lapsed session is behind the overlay: say it here too. */
export function LapsedNotice() {
  const { lapsed } = useConsoleState();
  const t = useTranslations("consume.lapsed");
  if (!lapsed) return null;
  const here = typeof window === "undefined" ? "/" : window.location.pathname;
  const search = typeof window === "undefined" ? "" : window.location.search.slice(1);
  return (
    <p role="alert" className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t.rich("notice", {
        link: (chunks) => (
          <a href={signInAgainHref(here, search)} className="font-medium text-blue-700 underline">
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}

/** The monospace id inside a dialog's sentence. */
const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;

function ChangePasswordDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const t = useTranslations("consume");
  const messageText = useMessageText();
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
          <FormAlert message={messageText(formMessage(errors))} />
          <Field id="cp-old" label={t("changePassword.current")} required error={errors.oldPassword?.message}>
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
          <Field
            id="cp-new"
            label={t("changePassword.new")}
            required
            hint={t("rules.password", RULE_VALUES)}
            error={errors.newPassword?.message}
          >
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
          <Field id="cp-confirm" label={t("changePassword.confirm")} required error={errors.confirmPassword?.message}>
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
        <DialogFooter label={t("changePassword.submit")} busyLabel={t("actions.working")} busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}

function ResetPasswordDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const [shown, setShown] = useState<string | null>(null);
  const t = useTranslations("consume");
  const messageText = useMessageText();
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
    toast.success(t("resetPassword.done", { name: group.name }));
    // Shown once, from what this browser typed; the server never returns it.
    setShown(values.newPassword);
    form.reset({ newPassword: "", confirmPassword: "" });
  }
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
            <CopyButton value={shown} label={t("resetPassword.copy")} />
          </p>
        </DialogBody>
        <div className="flex shrink-0 justify-end border-t border-gray-100 bg-gray-50 px-5 py-3">
          <Button variant="primary" onClick={onDone} data-autofocus>
            {t("resetPassword.close")}
          </Button>
        </div>
      </DialogContent>
    );
  }
  return (
    <DialogContent
      title={t("resetPassword.title")}
      description={t.rich("resetPassword.description", { id: group.id, name: group.name, mono })}
      returnFocus={returnFocus}
    >
      <DialogForm onSubmit={(e) => void handleSubmit(onSubmit)(e)} noValidate>
        <DialogBody className="space-y-4">
          <LapsedNotice />
          <FormAlert message={messageText(formMessage(errors))} />
          <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="reset-warning">
            {group.connected
              ? group.clientIp
                ? t("resetPassword.connectedFrom", { ip: group.clientIp })
                : t("resetPassword.connected")
              : t("resetPassword.idle")}
          </p>
          <Field
            id="rp-new"
            label={t("resetPassword.new")}
            required
            hint={t("rules.password", RULE_VALUES)}
            error={errors.newPassword?.message}
          >
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
                  className="shrink-0 whitespace-nowrap"
                  onClick={() => {
                    const pw = generatePassword();
                    setValue("newPassword", pw, { shouldValidate: true });
                    setValue("confirmPassword", pw, { shouldValidate: true });
                  }}
                >
                  {t("resetPassword.generate")}
                </Button>
              </div>
            )}
          </Field>
          <Field id="rp-confirm" label={t("resetPassword.confirm")} required error={errors.confirmPassword?.message}>
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
        <DialogFooter label={t("resetPassword.submit")} busyLabel={t("actions.working")} busy={isSubmitting} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}

function DeleteDialog({ group, onDone, returnFocus }: { group: ConsumerGroupRow; onDone: () => void; returnFocus: ReturnFocus }) {
  const { lapsed, markLapsed } = useConsoleState();
  const { timeZone, label } = useTimeZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const t = useTranslations("consume");
  const messageText = useMessageText();
  async function confirm() {
    setBusy(true);
    const result = await callAction(deleteConsumerGroup, { groupId: group.id }, markLapsed);
    setBusy(false);
    if (!result.ok) {
      if (result.code !== "Unauthorized") setError(result.message);
      return;
    }
    toast.success(t("delete.done", { name: group.name }));
    onDone();
  }
  return (
    <DialogContent
      title={t("delete.title", { name: group.name })}
      description={t.rich("delete.description", { id: group.id, mono })}
      returnFocus={returnFocus}
    >
      <DialogBody className="space-y-3 text-sm text-gray-800">
        <LapsedNotice />
        <FormAlert message={messageText(error)} />
        <p className="rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="delete-warning">
          {group.checkpointAt
            ? t("delete.progressLost", { time: formatDateTime(group.checkpointAt, timeZone), zone: label })
            : t("delete.noCheckpoint")}{" "}
          {group.connected ? t("delete.connected") : t("delete.idle")}
        </p>
      </DialogBody>
      <DialogFooter
        label={t("delete.submit")}
        busyLabel={t("delete.busy")}
        busy={busy}
        danger
        disabled={lapsed}
        onConfirm={() => void confirm()}
      />
    </DialogContent>
  );
}

type Kind = "change" | "reset" | "checkpoint" | "delete";
const KINDS: readonly Kind[] = ["change", "reset", "checkpoint", "delete"];
const PERMISSION = {
  change: "consumerGroup.changePassword",
  reset: "consumerGroup.resetPassword",
  checkpoint: "consumerGroup.resetCheckpoint",
  delete: "consumerGroup.delete",
} as const;
/** Who may do what a role may not: the menu says so (docs/rules.md "Roles"). */
const WHO: Record<Kind, "operatorsAndAdmins" | "adminsOnly"> = {
  change: "operatorsAndAdmins",
  reset: "adminsOnly",
  checkpoint: "operatorsAndAdmins",
  delete: "adminsOnly",
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
  const t = useTranslations("consume.actions");
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
        aria-label={t("detailsOf", { name: group.name })}
      >
        {t("details")}
      </Button>
      <span aria-hidden className="text-gray-300">
        |
      </span>
      <Menu.Root modal={false}>
        <Menu.Trigger ref={more} disabled={lapsed} aria-label={t("moreOf", { name: group.name })} className="row-menu-btn">
          {t("more")}
          <svg aria-hidden viewBox="0 0 10 6" className="h-1.5 w-2" fill="currentColor">
            <path d="M0 0h10L5 6z" />
          </svg>
        </Menu.Trigger>
        <Menu.Portal container={landmark}>
          <Menu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-sm border border-gray-200 bg-white p-1 shadow-xl">
            {KINDS.map((kind) => {
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
                  <span>{t(kind)}</span>
                  {allowed ? null : (
                    <span className="text-xs">
                      {WHO[kind] === "adminsOnly" ? t("adminsOnly", { role }) : t("operatorsAndAdmins", { role })}
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
