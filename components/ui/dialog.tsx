"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { Button } from "./button";

export const DialogRoot = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;

/**
 * A modal dialog on Radix: focus is trapped inside, Esc and the close button dismiss it, the title
 * and description label it for screen readers.
 */
export function DialogContent({
  title,
  description,
  children,
  width = "max-w-lg",
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  width?: string;
}) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <RadixDialog.Content
        className={`fixed left-1/2 top-[12vh] z-50 w-[calc(100vw-2rem)] ${width} -translate-x-1/2 rounded-sm bg-white shadow-2xl focus:outline-none`}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-center justify-between border-b border-gray-200 px-5 py-3.5">
          <RadixDialog.Title className="text-base font-semibold text-gray-900">{title}</RadixDialog.Title>
          <RadixDialog.Close aria-label="Close" className="rounded-sm p-1 text-gray-500 hover:bg-gray-100 hover:text-gray-800">
            <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
              <path d="M3 3l10 10M13 3L3 13" />
            </svg>
          </RadixDialog.Close>
        </div>
        {description ? (
          <RadixDialog.Description className="px-5 pt-4 text-sm text-gray-600">{description}</RadixDialog.Description>
        ) : null}
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/**
 * The Cancel / confirm row of a dialog. Without `onConfirm` the confirm button submits the
 * surrounding form.
 */
export function DialogFooter({
  label,
  busyLabel,
  busy,
  danger = false,
  onConfirm,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <div className="flex justify-end gap-2 border-t border-gray-100 bg-gray-50 px-5 py-3">
      <RadixDialog.Close asChild>
        <Button>Cancel</Button>
      </RadixDialog.Close>
      <Button type={onConfirm ? "button" : "submit"} variant={danger ? "danger" : "primary"} disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : label}
      </Button>
    </div>
  );
}
