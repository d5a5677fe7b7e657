"use client";

import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { can, type Role } from "@/lib/auth/roles";
import type { ConsumerGroupRow } from "@/lib/data/consumer-groups";
import { useConsoleState } from "../shell/console-state";
import { DialogRoot } from "../ui/dialog-root";
import { useWhenWanted } from "../ui/when-wanted";
import type { ReturnFocus } from "./lapsed-notice";
import { consumerGroupKeys } from "./query-keys";
import type { DataRange } from "./reset-checkpoint-dialog";

// The dialogs load when first wanted (hover, focus or click), not with the page: their forms bring
// react-hook-form and zod, which the table itself never needs (README "Benchmark").
const load = {
  change: () => import("./change-password-dialog"),
  reset: () => import("./reset-password-dialog"),
  checkpoint: () => import("./reset-checkpoint-dialog").then((m) => ({ default: m.ResetCheckpointDialog })),
  delete: () => import("./delete-group-dialog"),
};
const ChangePasswordDialog = dynamic(load.change, { ssr: false });
const ResetPasswordDialog = dynamic(load.reset, { ssr: false });
const ResetCheckpointDialog = dynamic(load.checkpoint, { ssr: false });
const DeleteGroupDialog = dynamic(load.delete, { ssr: false });
// The More menu (Radix, with its popper) loads when a row's More is first hovered, focused or pressed.
const loadMenu = () => import("./row-more-menu").then((m) => m.RowMoreMenu<Kind>);

type Kind = keyof typeof load;
const PERMISSION = {
  change: "consumerGroup.changePassword",
  reset: "consumerGroup.resetPassword",
  checkpoint: "consumerGroup.resetCheckpoint",
  delete: "consumerGroup.delete",
} as const;
/** DTS's row: Change Password and Delete inline; the rest under More. */
const INLINE: readonly Kind[] = ["change", "delete"];
const IN_MENU: readonly Kind[] = ["reset", "checkpoint"];

/** The row's own actions for a role: those it may not use are not shown (docs/rules.md "Roles"). */
export function allowedActions(role: Role): { inline: Kind[]; menu: Kind[] } {
  return {
    inline: INLINE.filter((k) => can(role, PERMISSION[k])),
    menu: IN_MENU.filter((k) => can(role, PERMISSION[k])),
  };
}

/**
 * The row actions of a consumer group, as DTS lays them out: Details, Change Password and Delete
 * inline, and a More menu with Reset Password and Reset Checkpoint. A role sees only what it may
 * do (a viewer: Details alone); a lapsed session disables the rest. Closing a dialog returns focus
 * to the control that opened it, or after a delete (the row is gone) to the table's heading.
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
  const [open, setOpen] = useState<Kind | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const moreMenu = useWhenWanted(loadMenu);
  const deleted = useRef(false);
  const queryClient = useQueryClient();
  const { inline, menu } = allowedActions(role);
  const done = () => {
    if (open === "delete") deleted.current = true;
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: consumerGroupKeys.all(instanceId) });
  };
  const returnFocus: ReturnFocus = () => (deleted.current ? document.getElementById("consumer-groups-title") : trigger.current);
  const preload = (kind: Kind) => () => void load[kind]();
  const preloadMenu = () => menu.forEach((k) => void load[k]());
  const moreTrigger = {
    disabled: lapsed,
    "aria-label": t("moreOf", { name: group.name }),
    className: "row-menu-btn",
    onPointerEnter: preloadMenu,
    children: t("more"),
  };
  return (
    // The bars between the actions are drawn by CSS (app/globals.css .row-actions), not sent per row.
    <div className="row-actions">
      <button
        type="button"
        className="row-action"
        onClick={(e) => {
          onDetails(e.currentTarget);
        }}
        aria-label={t("detailsOf", { name: group.name })}
      >
        {t("details")}
      </button>
      {inline.map((kind) => (
        <button
          key={kind}
          type="button"
          className={kind === "delete" ? "row-action text-red-700" : "row-action"}
          disabled={lapsed}
          onPointerEnter={preload(kind)}
          onFocus={preload(kind)}
          onClick={(e) => {
            trigger.current = e.currentTarget;
            setOpen(kind);
          }}
          aria-label={t(kind === "change" ? "changeOf" : "deleteOf", { name: group.name })}
        >
          {t(kind)}
        </button>
      ))}
      {menu.length > 0 ? (
        moreMenu.Popup ? (
          <moreMenu.Popup
            items={menu.map((kind) => ({ kind, label: t(kind) }))}
            onWant={(kind) => void load[kind]()}
            onChoose={(kind, more) => {
              trigger.current = more;
              setOpen(kind);
            }}
            trigger={moreTrigger}
            {...moreMenu.wanted}
          />
        ) : (
          <button
            {...moreTrigger}
            {...moreMenu.plainTrigger("menu")}
            onPointerEnter={() => {
              moreMenu.plainTrigger("menu").onPointerEnter();
              preloadMenu();
            }}
          />
        )
      ) : null}
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
        {open === "checkpoint" ? (
          <ResetCheckpointDialog group={group} instanceId={instanceId} range={range} onDone={done} returnFocus={returnFocus} />
        ) : null}
        {open === "delete" ? <DeleteGroupDialog group={group} onDone={done} returnFocus={returnFocus} /> : null}
      </DialogRoot>
    </div>
  );
}
