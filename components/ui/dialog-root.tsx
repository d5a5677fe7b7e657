"use client";

import { cloneElement, createContext, useContext, useRef, type ReactElement, type ReactNode, type Ref } from "react";

export interface DialogFrame {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** the control that opens the dialog (DialogTrigger), where focus goes back when it closes */
  trigger: () => HTMLElement | null;
  setTrigger: (el: HTMLElement | null) => void;
}
const FrameContext = createContext<DialogFrame | null>(null);

/**
 * Where popups inside the current dialog (tooltips) render: the dialog itself, so they stay above
 * it and inside what assistive technology can reach while it is open. Outside a dialog, null.
 */
export const PopupContainer = createContext<HTMLElement | null>(null);
export const usePopupContainer = () => useContext(PopupContainer);

/** The open state DialogContent (ui/dialog.tsx) renders Radix's dialog with. */
export function useDialogFrame(): DialogFrame {
  const frame = useContext(FrameContext);
  if (!frame) throw new Error("a dialog's content outside a DialogRoot");
  return frame;
}

/**
 * A dialog's open state, without Radix: the content (ui/dialog.tsx's DialogContent, in a component
 * loaded with `next/dynamic`) brings Radix's dialog with it, so a page carries none of it until a
 * dialog is wanted (README "Benchmark"). The content hands focus back to its DialogTrigger, or to
 * its own `returnFocus`, when it closes.
 */
export function DialogRoot({
  open,
  onOpenChange,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const trigger = useRef<HTMLElement | null>(null);
  const frame: DialogFrame = {
    open,
    onOpenChange,
    trigger: () => trigger.current,
    setTrigger: (el) => {
      trigger.current = el;
    },
  };
  return <FrameContext.Provider value={frame}>{children}</FrameContext.Provider>;
}

/** The one element that opens its DialogRoot's dialog (a button): it says so and takes the focus back. */
export function DialogTrigger({
  children,
}: {
  children: ReactElement<{ onClick?: (event: React.MouseEvent<HTMLElement>) => void; ref?: Ref<HTMLElement> }>;
}) {
  const frame = useDialogFrame();
  return cloneElement(children, {
    ref: frame.setTrigger,
    "aria-haspopup": "dialog",
    "aria-expanded": frame.open,
    onClick: (event: React.MouseEvent<HTMLElement>) => {
      children.props.onClick?.(event);
      if (!event.defaultPrevented) frame.onOpenChange(true);
    },
  } as never);
}
