"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "@/lib/validation/zod";
import { createAccessKey, deleteAccessKey, disableAccessKey, enableAccessKey } from "@/lib/actions/access-key";
import type { AccessKeyOwner, AccessKeyRow } from "@/lib/data/access-keys";
import { formatDateTime } from "@/lib/format";
import { createAccessKeySchema } from "@/lib/validation/access-key";
import { useTimeZone } from "../shell/console-state";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogContent, DialogFooter, DialogRoot } from "../ui/dialog";
import { EmptyState } from "../ui/empty-state";
import { ExplainedButton } from "../ui/explained-button";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useHydrated } from "../ui/use-hydrated";

type CreateForm = z.input<typeof createAccessKeySchema>;

// The names of an AccessKey's two halves are Alibaba Cloud's own, written so in every language
// (the Chinese console too), so they are not in the catalogue.
const ACCESS_KEY_ID = "AccessKey ID";
const ACCESS_KEY_SECRET = "AccessKey Secret";
/** The secret's name inside a sentence: "Copy AccessKey secret". */
const ACCESS_KEY_SECRET_INLINE = "AccessKey secret";

interface Created {
  accessKeyId: string;
  accessKeySecret: string;
  username: string;
}

/** The secret, once: nothing can show it again after this dialog closes. */
function CreatedDialog({ created, onDone }: { created: Created; onDone: () => void }) {
  const t = useTranslations("accessKeys");
  return (
    <DialogContent title={t("created.title")} description={t("created.description")}>
      <div className="space-y-3 px-5 py-4 text-sm">
        <dl className="space-y-2">
          <div>
            <dt className="text-gray-500">{t("created.user")}</dt>
            <dd>{created.username}</dd>
          </div>
          <div>
            <dt className="text-gray-500">{ACCESS_KEY_ID}</dt>
            <dd className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
              <code data-testid="created-access-key-id" className="font-mono">
                {created.accessKeyId}
              </code>
              <CopyButton value={created.accessKeyId} label={ACCESS_KEY_ID} />
            </dd>
          </div>
          <div>
            <dt className="text-gray-500">{ACCESS_KEY_SECRET}</dt>
            <dd className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
              <code data-testid="created-access-key-secret" className="font-mono">
                {created.accessKeySecret}
              </code>
              <CopyButton value={created.accessKeySecret} label={ACCESS_KEY_SECRET_INLINE} />
            </dd>
          </div>
        </dl>
        <p className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">{t("created.keep")}</p>
      </div>
      <div className="flex justify-end border-t border-gray-100 bg-gray-50 px-5 py-3">
        <Button variant="primary" onClick={onDone}>
          {t("created.done")}
        </Button>
      </div>
    </DialogContent>
  );
}

function CreateDialog({
  owners,
  selfId,
  canManageAny,
  quota,
  onCreated,
}: {
  owners: AccessKeyOwner[];
  selfId: string;
  canManageAny: boolean;
  quota: number;
  onCreated: (c: Created) => void;
}) {
  const t = useTranslations("accessKeys");
  const form = useForm<CreateForm>({ resolver: zodResolver(createAccessKeySchema), defaultValues: { userId: selfId } });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;
  const [refusal, setRefusal] = useState<string | undefined>();
  const self = owners.find((o) => o.id === selfId);
  async function onSubmit(values: CreateForm) {
    setRefusal(undefined);
    try {
      const result = await createAccessKey(values);
      if (!result.ok) return setRefusal(result.message);
      onCreated(result.data);
    } catch {
      setRefusal(t("create.unreachable"));
    }
  }
  return (
    <DialogContent title={t("create.title")} description={t("create.description")}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <div className="space-y-4 px-5 py-4">
          <FormAlert message={refusal} />
          {canManageAny ? (
            <Field id="ak-user" label={t("create.user")} required hint={t("create.userHint", { quota })} error={errors.userId?.message}>
              {(aria) => (
                <select {...aria} {...register("userId")} className={inputClass(!!errors.userId)}>
                  {owners.map((o) => (
                    <option key={o.id} value={o.id} disabled={o.keyCount >= quota}>
                      {t("create.owner", { username: o.username, role: o.role, count: o.keyCount, quota })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <p className="text-sm text-gray-700">
              {t.rich("create.self", {
                username: self?.username ?? "",
                quota,
                name: (chunks) => <span className="font-medium">{chunks}</span>,
              })}
            </p>
          )}
        </div>
        <DialogFooter label={t("create.submit")} busyLabel={t("create.busy")} busy={isSubmitting} />
      </form>
    </DialogContent>
  );
}

function DeleteDialog({ accessKey, onDone }: { accessKey: AccessKeyRow; onDone: () => void }) {
  const t = useTranslations("accessKeys");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  async function confirm() {
    setBusy(true);
    try {
      const result = await deleteAccessKey({ accessKeyId: accessKey.id });
      if (!result.ok) return setError(result.message);
      toast.success(t("toasts.deleted", { id: accessKey.id }));
      onDone();
    } catch {
      setError(t("delete.unreachable"));
    } finally {
      setBusy(false);
    }
  }
  return (
    <DialogContent
      title={t("delete.title")}
      description={t.rich("delete.description", {
        id: accessKey.id,
        username: accessKey.username,
        mono: (chunks) => <span className="font-mono">{chunks}</span>,
      })}
    >
      <div className="space-y-3 px-5 py-4 text-sm text-gray-700">
        <FormAlert message={error} />
        <p className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">{t("delete.warning")}</p>
      </div>
      <DialogFooter label={t("delete.submit")} busyLabel={t("delete.busy")} busy={busy} danger onConfirm={confirm} />
    </DialogContent>
  );
}

const th = "px-3 py-2.5 text-left text-xs font-semibold text-gray-600 whitespace-nowrap";
const td = "px-3 py-3 text-sm text-gray-800 align-top";

/**
 * The AccessKey page's table and dialogs (docs/rules.md "AccessKeys"): a user's own AccessKeys, or
 * everyone's for an admin; create (the secret shown once), disable, enable, delete.
 */
export function AccessKeysPanel({
  keys,
  owners,
  selfId,
  canManageAny,
  quota,
  unavailable,
}: {
  keys: AccessKeyRow[];
  owners: AccessKeyOwner[];
  selfId: string;
  canManageAny: boolean;
  quota: number;
  /** why AccessKeys cannot be created (no encryption key), or null */
  unavailable: string | null;
}) {
  const t = useTranslations("accessKeys");
  const router = useRouter();
  const hydrated = useHydrated();
  const { timeZone, label: zone } = useTimeZone();
  const [dialog, setDialog] = useState<
    { kind: "create" } | { kind: "created"; created: Created } | { kind: "delete"; key: AccessKeyRow } | null
  >(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const self = owners.find((o) => o.id === selfId);
  const full = !canManageAny && (self?.keyCount ?? 0) >= quota;
  const reason = unavailable ?? (full ? t("full", { quota }) : null);

  const close = () => {
    setDialog(null);
    router.refresh();
  };

  async function setStatus(key: AccessKeyRow, enable: boolean) {
    setBusyId(key.id);
    try {
      const result = await (enable ? enableAccessKey : disableAccessKey)({ accessKeyId: key.id });
      if (!result.ok) toast.error(result.message);
      else toast.success(enable ? t("toasts.enabled", { id: key.id }) : t("toasts.disabled", { id: key.id }));
    } catch {
      toast.error(t("toasts.unreachable"));
    } finally {
      setBusyId(null);
      router.refresh();
    }
  }

  return (
    <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby="access-keys-title">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-100 px-5 py-3">
        <h2 id="access-keys-title" className="text-sm font-semibold text-gray-900">
          {canManageAny ? t("list.all") : t("list.own")}
        </h2>
        <ExplainedButton variant="primary" reason={reason} disabled={!hydrated} onClick={() => setDialog({ kind: "create" })}>
          {t("create.title")}
        </ExplainedButton>
      </div>
      {unavailable ? (
        <p role="alert" className="border-b border-red-100 bg-red-50 px-5 py-2 text-sm text-red-700">
          {unavailable}
        </p>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-gray-200">
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={th}>
                  {ACCESS_KEY_ID}
                </th>
                {canManageAny ? (
                  <th scope="col" className={th}>
                    {t("columns.user")}
                  </th>
                ) : null}
                <th scope="col" className={th}>
                  {t("columns.status")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.lastUsed", { zone })}
                </th>
                <th scope="col" className={th}>
                  {t("columns.createdAt", { zone })}
                </th>
                <th scope="col" className={th}>
                  {t("columns.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {keys.map((k) => (
                <tr key={k.id} data-testid={`access-key-${k.id}`}>
                  <td className={`${td} font-mono`}>
                    {k.id}
                    <CopyButton value={k.id} label={ACCESS_KEY_ID} compact />
                  </td>
                  {canManageAny ? <td className={td}>{k.username}</td> : null}
                  <td className={td}>
                    {k.status === "Active" ? (
                      <Badge tone="green">{t("status.enabled")}</Badge>
                    ) : (
                      <Badge tone="gray">{t("status.disabled")}</Badge>
                    )}
                  </td>
                  <td className={td}>
                    {k.lastUsedAt ? (
                      <>
                        <span className="font-mono text-xs">{formatDateTime(k.lastUsedAt, timeZone)}</span>
                        <span className="block text-xs text-gray-500">
                          {k.lastUsedIp ? t("lastUsed.from", { ip: k.lastUsedIp }) : t("lastUsed.fromUnknown")}
                        </span>
                      </>
                    ) : (
                      <span className="text-gray-500">{t("lastUsed.never")}</span>
                    )}
                  </td>
                  <td className={`${td} font-mono text-xs`}>{formatDateTime(k.createdAt, timeZone)}</td>
                  <td className={td}>
                    <div className="flex gap-3">
                      <Button
                        variant="link"
                        size="sm"
                        className="h-6"
                        disabled={!hydrated || busyId === k.id}
                        onClick={() => setStatus(k, k.status !== "Active")}
                        aria-label={k.status === "Active" ? t("row.disableLabel", { id: k.id }) : t("row.enableLabel", { id: k.id })}
                      >
                        {k.status === "Active" ? t("row.disable") : t("row.enable")}
                      </Button>
                      <Button
                        variant="link"
                        size="sm"
                        className="h-6 text-red-600"
                        disabled={!hydrated}
                        onClick={() => setDialog({ kind: "delete", key: k })}
                        aria-label={t("row.deleteLabel", { id: k.id })}
                      >
                        {t("row.delete")}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DialogRoot open={dialog !== null} onOpenChange={(open) => !open && close()}>
        {dialog?.kind === "create" ? (
          <CreateDialog
            owners={owners}
            selfId={selfId}
            canManageAny={canManageAny}
            quota={quota}
            onCreated={(created) => setDialog({ kind: "created", created })}
          />
        ) : null}
        {dialog?.kind === "created" ? <CreatedDialog created={dialog.created} onDone={close} /> : null}
        {dialog?.kind === "delete" ? <DeleteDialog accessKey={dialog.key} onDone={close} /> : null}
      </DialogRoot>
    </section>
  );
}
