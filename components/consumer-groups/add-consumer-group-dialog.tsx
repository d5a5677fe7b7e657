"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useConsoleState } from "../shell/console-state";
import { Button } from "../ui/button";
import { DialogRoot, DialogTrigger } from "../ui/dialog-root";
import { ExplainedButton } from "../ui/explained-button";
import { useHydrated } from "../ui/use-hydrated";

const loadForm = () => import("./create-consumer-group-form");
const CreateConsumerGroupForm = dynamic(loadForm, { ssr: false });

/**
 * DTS's Add Consumer Group button and its Create Consumer Group dialog (the help page's words).
 * The dialog's form loads when first wanted: hovering or focusing the button fetches it.
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
  const { lapsed } = useConsoleState();
  const t = useTranslations("consume");
  const preload = () => void loadForm();
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      {disabledReason || lapsed ? (
        <ExplainedButton variant="primary" className="whitespace-nowrap" reason={disabledReason ?? t("disabled.lapsed")}>
          {t("create.button")}
        </ExplainedButton>
      ) : (
        // A real Radix trigger, so focus returns to it when the dialog closes. Disabled until
        // hydration: in the server's HTML it looks ready but would open nothing.
        <DialogTrigger>
          <Button variant="primary" className="whitespace-nowrap" disabled={!hydrated} onPointerEnter={preload} onFocus={preload}>
            {t("create.button")}
          </Button>
        </DialogTrigger>
      )}
      {open ? (
        <CreateConsumerGroupForm
          instanceId={instanceId}
          instanceName={instanceName}
          onClose={() => {
            setOpen(false);
          }}
        />
      ) : null}
    </DialogRoot>
  );
}
