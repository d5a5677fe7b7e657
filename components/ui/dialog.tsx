"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { PopupContainer, useDialogFrame } from "./dialog-root";

/** What a dialog focuses when it opens: the element marked data-autofocus, else its first field. */
function focusFirstField(event: Event) {
  const content = event.currentTarget as HTMLElement | null;
  const target = content?.querySelector<HTMLElement>(
    "[data-autofocus], input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])",
  );
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

type Placement = "center" | "right" | "left";

const PLACEMENTS: Record<Placement, string> = {
  // Never taller than the viewport: the body scrolls between a fixed header and footer.
  center:
    "left-1/2 top-1/2 max-h-[calc(100dvh-1rem)] w-[calc(100vw-1rem)] -translate-x-1/2 -translate-y-1/2 rounded-sm sm:max-h-[calc(100dvh-4rem)]",
  right: "inset-y-0 right-0 h-dvh w-full sm:w-[36rem] sm:max-w-[calc(100vw-3rem)]",
  left: "inset-y-0 left-0 h-dvh w-72 max-w-[calc(100vw-3rem)]",
};

/**
 * A modal dialog on Radix, open while its DialogRoot (ui/dialog-root.tsx) says so: focus is trapped
 * inside, Esc and the close button dismiss it, the title and description label it for screen
 * readers. It opens on its first field (or `data-autofocus`), and when it closes focus goes to
 * `returnFocus`, else to the DialogTrigger that opened it.
 * `placement` right or left makes it a side sheet (the details drawer, the phone's menu).
 */
export function DialogContent({
  title,
  description,
  children,
  width = "sm:max-w-lg",
  placement = "center",
  returnFocus,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  width?: string;
  placement?: Placement;
  returnFocus?: () => HTMLElement | null | undefined;
}) {
  const t = useTranslations("common");
  const frame = useDialogFrame();
  const [content, setContent] = useState<HTMLElement | null>(null);
  const focusBack = returnFocus ?? frame.trigger;
  return (
    <RadixDialog.Root open={frame.open} onOpenChange={frame.onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content
          ref={setContent}
          className={cn(
            "fixed z-50 flex flex-col bg-white shadow-2xl focus:outline-none",
            PLACEMENTS[placement],
            placement === "center" && width,
          )}
          onOpenAutoFocus={focusFirstField}
          onCloseAutoFocus={(event) => {
            const target = focusBack();
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex shrink-0 items-center justify-between gap-3 border-b border-gray-200 px-5 py-3.5">
            <RadixDialog.Title className="min-w-0 text-base font-semibold break-words text-gray-900">{title}</RadixDialog.Title>
            <RadixDialog.Close
              aria-label={t("close")}
              className="shrink-0 rounded-sm p-1 text-gray-600 hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
                <path d="M3 3l10 10M13 3L3 13" />
              </svg>
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="shrink-0 px-5 pt-4 text-sm break-words text-gray-700">
              {description}
            </RadixDialog.Description>
          ) : null}
          <PopupContainer.Provider value={content}>{children}</PopupContainer.Provider>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A dialog's form: fills the dialog so its body scrolls and its footer stays in view. */
export function DialogForm({ className, ...props }: React.ComponentProps<"form">) {
  return <form {...props} className={cn("flex min-h-0 flex-1 flex-col", className)} />;
}

/** The scrolling middle of a dialog. */
export function DialogBody({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("min-h-0 flex-1 overflow-y-auto px-5 py-4", className)}>{children}</div>;
}

/** The one-button row of a dialog that shows a result (a password shown once, a connect guide). */
export function DialogDoneFooter({ label, onDone, autoFocus = false }: { label: string; onDone: () => void; autoFocus?: boolean }) {
  return (
    <div className="flex shrink-0 justify-end border-t border-gray-100 bg-gray-50 px-5 py-3">
      <Button variant="primary" onClick={onDone} data-autofocus={autoFocus || undefined}>
        {label}
      </Button>
    </div>
  );
}

/**
 * The Cancel / confirm row of a dialog. Without `onConfirm` the confirm button submits the
 * surrounding form. `disabled` (a lapsed session) keeps it from being pressed at all.
 */
export function DialogFooter({
  label,
  busyLabel,
  busy,
  danger = false,
  disabled = false,
  onConfirm,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  danger?: boolean;
  disabled?: boolean;
  onConfirm?: () => void;
}) {
  const t = useTranslations("common");
  return (
    <div className="flex shrink-0 flex-wrap justify-end gap-2 border-t border-gray-100 bg-gray-50 px-5 py-3">
      <RadixDialog.Close asChild>
        <Button>{t("cancel")}</Button>
      </RadixDialog.Close>
      <Button
        type={onConfirm ? "button" : "submit"}
        variant={danger ? "danger" : "primary"}
        disabled={busy || disabled}
        onClick={onConfirm}
      >
        {busy ? busyLabel : label}
      </Button>
    </div>
  );
}
