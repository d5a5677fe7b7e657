"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { InstanceAlertForm } from "@/lib/validation/instance-alert";
import { useConsoleState } from "../shell/console-state";
import { Button } from "../ui/button";
import { DialogRoot, DialogTrigger } from "../ui/dialog-root";
import { useHydrated } from "../ui/use-hydrated";

const loadForm = () => import("./alert-settings-form");
const AlertSettingsForm = dynamic(loadForm, { ssr: false });

/** Configure (operator and admin): the Configure Monitoring and Alerting dialog, its form loaded when wanted. */
export function AlertSettingsButton({ instanceId, current }: { instanceId: string; current: InstanceAlertForm }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { lapsed } = useConsoleState();
  const t = useTranslations("instance.alerts");
  const preload = () => void loadForm();
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger>
        <Button disabled={!hydrated || lapsed} onPointerEnter={preload} onFocus={preload} data-testid="configure-alerts">
          {t("configure")}
        </Button>
      </DialogTrigger>
      {open ? <AlertSettingsForm instanceId={instanceId} current={current} onClose={() => setOpen(false)} /> : null}
    </DialogRoot>
  );
}
