"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { toast } from "../ui/toast";
import { createNotificationChannel, deleteNotificationChannel, testNotificationChannel } from "@/lib/actions/notification-channel";
import type { ChannelRow } from "@/lib/data/alerts";
import { zoneLabel } from "@/lib/format";
import { CHANNEL_FORMATS, createChannelFields } from "@/lib/validation/notification-channel";
import { useServerAction } from "../forms/use-server-action";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogBody, DialogContent, DialogDoneFooter, DialogFooter, DialogForm } from "../ui/dialog";
import { DialogRoot, DialogTrigger } from "../ui/dialog-root";
import { EmptyState } from "../ui/empty-state";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useActionForm } from "../forms/use-action-form";
import { DataTable } from "../ui/data-table";
import { TwoLineTime } from "../ui/two-line-time";
import { PanelHeader } from "../ui/panel-header";

const th = "dt-th";
const td = "dt-td";

/** The admins' notification channels (docs/rules.md "Alert delivery"): add a webhook, send it a test, delete it. */
export function ChannelsPanel({ channels, emailReady }: { channels: ChannelRow[]; emailReady: boolean }) {
  const t = useTranslations("alerts.channels");
  const { timeZone } = useTimeZone();
  const zone = zoneLabel(timeZone);
  const router = useRouter();
  const { lapsed } = useConsoleState();
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ChannelRow | null>(null);

  const test = useServerAction(testNotificationChannel);
  async function sendTest(c: ChannelRow) {
    setBusy(c.id);
    const result = await test({ channelId: c.id });
    setBusy(null);
    // An ended session is said once, by the page's own notice.
    if (!result.ok) {
      if (result.code !== "Unauthorized") toast.error(result.message);
    } else if (result.data.delivered) toast.success(t("tested", { name: c.name }));
    else toast.error(t("testFailed", { name: c.name, error: result.data.error ?? String(result.data.httpStatus) }));
    router.refresh();
  }

  return (
    <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="channels-title">
      <PanelHeader id="channels-title" title={t("title")} intro={t("intro")} className="border-b border-gray-100 p-3 sm:p-4">
        <AddChannelDialog disabled={lapsed} emailReady={emailReady} />
      </PanelHeader>
      {channels.length ? (
        <DataTable
          label={t("label")}
          caption={t("caption")}
          minWidth="min-w-[56rem]"
          columns={["w-[18%]", "w-[24%]", "w-[12%]", "w-[18%]", "w-[12%]", "w-[16%]"]}
          head={
            <tr>
              {[t("name"), t("url"), t("format"), t("state"), t("lastDelivery", { zone }), t("actions")].map((label) => (
                <th key={label} scope="col" className={th}>
                  {label}
                </th>
              ))}
            </tr>
          }
        >
          <tbody className="divide-y divide-gray-100">
            {channels.map((c) => (
              <tr key={c.id} data-testid="channel-row">
                <td className={td}>
                  <span className="block truncate text-sm text-gray-900" title={c.name}>
                    {c.name}
                  </span>
                </td>
                <td className={td}>
                  <span className="block truncate font-mono text-xs text-gray-800" title={c.url}>
                    {c.url}
                  </span>
                </td>
                <td className={td}>{t(`formats.${c.format as (typeof CHANNEL_FORMATS)[number]}`)}</td>
                <td className={td} data-testid="channel-state">
                  <Badge tone={c.state === "failing" ? "red" : c.state === "ok" ? "green" : "gray"}>{t(`states.${c.state}`)}</Badge>
                  {c.consecutiveFailures > 0 && c.lastError ? (
                    <span className="mt-0.5 block text-xs text-red-700">
                      {t("failures", { count: c.consecutiveFailures, error: c.lastError })}
                    </span>
                  ) : null}
                </td>
                <td className={td}>
                  <TwoLineTime value={c.lastDeliveryAt} timeZone={timeZone} />
                </td>
                <td className={td}>
                  <span className="flex flex-wrap gap-x-3 gap-y-1">
                    <button
                      type="button"
                      className="row-action"
                      disabled={busy === c.id || lapsed}
                      aria-label={t("testOf", { name: c.name })}
                      onClick={() => void sendTest(c)}
                    >
                      {t("test")}
                    </button>
                    <button
                      type="button"
                      className="row-action text-red-700"
                      disabled={lapsed}
                      aria-label={t("deleteOf", { name: c.name })}
                      onClick={() => setRemoving(c)}
                    >
                      {t("delete")}
                    </button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      )}
      <DialogRoot open={removing !== null} onOpenChange={(open) => (open ? undefined : setRemoving(null))}>
        {removing ? <DeleteChannel channel={removing} onDone={() => setRemoving(null)} /> : null}
      </DialogRoot>
    </section>
  );
}

function DeleteChannel({ channel, onDone }: { channel: ChannelRow; onDone: () => void }) {
  const t = useTranslations("alerts.channels");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const remove = useServerAction(deleteNotificationChannel);
  async function confirm() {
    setBusy(true);
    const result = await remove({ channelId: channel.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    toast.success(t("deleted", { name: channel.name }));
    onDone();
    router.refresh();
  }
  return (
    <DialogContent title={t("deleteTitle")} description={t("deleteBody", { name: channel.name })}>
      <DialogBody>
        <FormAlert message={error} />
      </DialogBody>
      <DialogFooter label={t("deleteConfirm")} busyLabel={t("working")} busy={busy} danger onConfirm={() => void confirm()} />
    </DialogContent>
  );
}

function AddChannelDialog({ disabled, emailReady }: { disabled: boolean; emailReady: boolean }) {
  const t = useTranslations("alerts.channels");
  const [open, setOpen] = useState(false);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger>
        <Button variant="primary" disabled={disabled}>
          {t("add")}
        </Button>
      </DialogTrigger>
      {open ? <AddChannelForm emailReady={emailReady} onClose={() => setOpen(false)} /> : null}
    </DialogRoot>
  );
}

function AddChannelForm({ emailReady, onClose }: { emailReady: boolean; onClose: () => void }) {
  const t = useTranslations("alerts.channels");
  const router = useRouter();
  const { lapsed } = useConsoleState();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const { form, errors, alert, busy, onSubmit } = useActionForm(createChannelFields, {
    defaultValues: { name: "", format: "json", url: "", recipients: "" },
    mode: "onChange",
    action: createNotificationChannel,
    input: (values) => values,
    onSuccess: (data) => {
      router.refresh();
      if (data.secret === null) {
        toast.success(t("emailCreated", { name: data.name }));
        onClose();
      } else setCreated({ name: data.name, secret: data.secret });
    },
  });
  const { register, control } = form;
  const email = useWatch({ control, name: "format" }) === "email";

  if (created) {
    return (
      <DialogContent title={t("createdTitle")} description={t("createdBody")}>
        <DialogBody className="space-y-2">
          <p className="text-sm text-gray-700">{t("secret")}</p>
          <p className="flex items-center gap-2 rounded-sm bg-gray-50 px-3 py-2">
            <code className="min-w-0 flex-1 font-mono text-sm break-all text-gray-900" data-testid="channel-secret">
              {created.secret}
            </code>
            <CopyButton value={created.secret} label={t("copySecret")} autoFocus />
          </p>
        </DialogBody>
        <DialogDoneFooter label={t("done")} onDone={onClose} />
      </DialogContent>
    );
  }
  return (
    <DialogContent title={t("dialogTitle")} description={t("dialogDescription")}>
      <DialogForm onSubmit={onSubmit} noValidate>
        <DialogBody className="space-y-4">
          <FormAlert message={alert} />
          <Field id="channel-name" label={t("nameLabel")} required error={errors.name?.message}>
            {(aria) => <input {...aria} {...register("name")} maxLength={64} autoComplete="off" className={inputClass(!!errors.name)} />}
          </Field>
          <Field id="channel-format" label={t("formatLabel")} required error={errors.format?.message}>
            {(aria) => (
              <select {...aria} {...register("format")} className={inputClass(!!errors.format)}>
                {CHANNEL_FORMATS.map((f) => (
                  <option key={f} value={f} disabled={f === "email" && !emailReady}>
                    {f === "email" && !emailReady ? t("formatEmailOff") : t(`formats.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {email ? (
            <Field
              id="channel-recipients"
              label={t("recipientsLabel")}
              required
              hint={t("recipientsHint")}
              error={errors.recipients?.message}
            >
              {(aria) => (
                <textarea {...aria} {...register("recipients")} rows={2} autoComplete="off" className={inputClass(!!errors.recipients)} />
              )}
            </Field>
          ) : (
            <Field id="channel-url" label={t("urlLabel")} required hint={t("urlHint")} error={errors.url?.message}>
              {(aria) => (
                <input {...aria} {...register("url")} type="url" inputMode="url" autoComplete="off" className={inputClass(!!errors.url)} />
              )}
            </Field>
          )}
        </DialogBody>
        <DialogFooter label={t("create")} busyLabel={t("working")} busy={busy} disabled={lapsed} />
      </DialogForm>
    </DialogContent>
  );
}
