"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "../ui/toast";
import { createAccessKey, deleteAccessKey } from "@/lib/actions/access-key";
import type { AccessKeyOwner, AccessKeyRow } from "@/lib/data/access-keys";
import { createAccessKeySchema } from "@/lib/validation/access-key";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogContent, DialogFooter } from "../ui/dialog";
import { Field, inputClass } from "../ui/field";
import { FormAlert } from "../ui/form-feedback";
import { useActionForm } from "../forms/use-action-form";
import { useServerAction } from "../forms/use-server-action";
import { mono } from "../ui/rich-tags";

// The AccessKeys page's dialogs (docs/rules.md "AccessKeys"): create, the secret shown once, delete.

// The names of an AccessKey's two halves are Alibaba Cloud's own, written so in every language
// (the Chinese console too), so they are not in the catalogue.
export const ACCESS_KEY_ID = "AccessKey ID";
const ACCESS_KEY_SECRET = "AccessKey Secret";
/** The secret's name inside a sentence: "Copy AccessKey secret". */
export const ACCESS_KEY_SECRET_INLINE = "AccessKey secret";

export interface Created {
  accessKeyId: string;
  accessKeySecret: string;
  username: string;
}

/** One half of the new key: its name, its value, and a Copy button. */
function CopyRow({ label, copyLabel, value, testId }: { label: string; copyLabel: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-gray-500">{label}</dt>
      <dd className="flex items-center rounded-sm border border-gray-200 bg-gray-50 px-3 py-2">
        <code data-testid={testId} className="font-mono">
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </dd>
    </div>
  );
}

/** The secret, once: nothing can show it again after this dialog closes. */
export function CreatedDialog({ created, onDone }: { created: Created; onDone: () => void }) {
  const t = useTranslations("accessKeys");
  return (
    <DialogContent title={t("created.title")} description={t("created.description")}>
      <div className="space-y-3 px-5 py-4 text-sm">
        <dl className="space-y-2">
          <div>
            <dt className="text-gray-500">{t("created.user")}</dt>
            <dd>{created.username}</dd>
          </div>
          <CopyRow label={ACCESS_KEY_ID} copyLabel={ACCESS_KEY_ID} value={created.accessKeyId} testId="created-access-key-id" />
          <CopyRow
            label={ACCESS_KEY_SECRET}
            copyLabel={ACCESS_KEY_SECRET_INLINE}
            value={created.accessKeySecret}
            testId="created-access-key-secret"
          />
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

export function CreateDialog({
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
  const { form, errors, alert, busy, onSubmit } = useActionForm(createAccessKeySchema, {
    defaultValues: { userId: selfId },
    action: createAccessKey,
    input: (values) => values,
    onSuccess: onCreated,
  });
  const { register } = form;
  const self = owners.find((o) => o.id === selfId);
  return (
    <DialogContent title={t("create.title")} description={t("create.description")}>
      <form onSubmit={onSubmit} noValidate>
        <div className="space-y-4 px-5 py-4">
          <FormAlert message={alert} />
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
        <DialogFooter label={t("create.submit")} busyLabel={t("create.busy")} busy={busy} />
      </form>
    </DialogContent>
  );
}

export function DeleteDialog({ accessKey, onDone }: { accessKey: AccessKeyRow; onDone: () => void }) {
  const t = useTranslations("accessKeys");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const remove = useServerAction(deleteAccessKey);
  async function confirm() {
    setBusy(true);
    const result = await remove({ accessKeyId: accessKey.id });
    setBusy(false);
    if (!result.ok) {
      // An ended session is said once, by the page's own notice.
      if (result.code !== "Unauthorized") setError(result.message);
      return;
    }
    toast.success(t("toasts.deleted", { id: accessKey.id }));
    onDone();
  }
  return (
    <DialogContent
      title={t("delete.title")}
      description={t.rich("delete.description", { id: accessKey.id, username: accessKey.username, mono })}
    >
      <div className="space-y-3 px-5 py-4 text-sm text-gray-700">
        <FormAlert message={error} />
        <p className="rounded-sm border border-amber-200 bg-amber-50 px-3 py-2 text-amber-800">{t("delete.warning")}</p>
      </div>
      <DialogFooter label={t("delete.submit")} busyLabel={t("delete.busy")} busy={busy} danger onConfirm={confirm} />
    </DialogContent>
  );
}
