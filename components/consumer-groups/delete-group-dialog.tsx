"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "../ui/toast";
import { deleteConsumerGroup } from "@/lib/actions/consumer-group";
import { formatDateTime } from "@/lib/format";
import { useServerAction } from "../forms/use-server-action";
import { useConsoleState, useTimeZone } from "../shell/console-state";
import { DialogBody, DialogContent, DialogFooter } from "../ui/dialog";
import { FormAlert } from "../ui/form-feedback";
import { mono } from "../ui/rich-tags";
import { LapsedNotice, type RowDialogProps } from "./lapsed-notice";

/** Delete (admin): says what is lost (the checkpoint, a connected consumer). Loaded when opened. */
export default function DeleteGroupDialog({ group, onDone, returnFocus }: RowDialogProps) {
  const { lapsed } = useConsoleState();
  const { timeZone, label } = useTimeZone();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const t = useTranslations("consume");
  const run = useServerAction(deleteConsumerGroup);
  async function confirm() {
    setBusy(true);
    const result = await run({ groupId: group.id });
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
        <FormAlert message={error} />
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
