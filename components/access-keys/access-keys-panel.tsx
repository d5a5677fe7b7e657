"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "../ui/toast";
import { disableAccessKey, enableAccessKey } from "@/lib/actions/access-key";
import type { AccessKeyOwner, AccessKeyRow } from "@/lib/data/access-keys";
import { formatDateTime } from "@/lib/format";
import { useTimeZone } from "../shell/console-state";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { DialogRoot } from "../ui/dialog-root";
import { EmptyState } from "../ui/empty-state";
import { ExplainedButton } from "../ui/explained-button";
import { useHydrated } from "../ui/use-hydrated";
import { ACCESS_KEY_ID, CreateDialog, CreatedDialog, DeleteDialog, type Created } from "./access-key-dialogs";
import { useServerAction } from "../forms/use-server-action";

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

  const enable = useServerAction(enableAccessKey);
  const disable = useServerAction(disableAccessKey);
  async function setStatus(key: AccessKeyRow, on: boolean) {
    setBusyId(key.id);
    const result = await (on ? enable : disable)({ accessKeyId: key.id });
    setBusyId(null);
    // An ended session is said once, by the page's own notice.
    if (!result.ok) {
      if (result.code !== "Unauthorized") toast.error(result.message);
    } else toast.success(on ? t("toasts.enabled", { id: key.id }) : t("toasts.disabled", { id: key.id }));
    router.refresh();
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
            onCreated={(created) => {
              setDialog({ kind: "created", created });
              // The new key shows in the list behind the dialog that shows its secret.
              router.refresh();
            }}
          />
        ) : null}
        {dialog?.kind === "created" ? <CreatedDialog created={dialog.created} onDone={close} /> : null}
        {dialog?.kind === "delete" ? <DeleteDialog accessKey={dialog.key} onDone={close} /> : null}
      </DialogRoot>
    </section>
  );
}
