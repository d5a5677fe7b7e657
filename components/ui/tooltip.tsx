"use client";

import { cloneElement, type FocusEvent, type PointerEvent, type ReactElement, type ReactNode } from "react";
import { useWhenWanted } from "./when-wanted";

// Radix's tooltip (with its popper) loads when a tooltip's child is first hovered or focused.
const loadPopup = () => import("./tooltip-popup").then((m) => m.TooltipPopup);

type Child = ReactElement<{ onPointerEnter?: (event: PointerEvent) => void; onFocus?: (event: FocusEvent) => void }>;

/**
 * A tooltip that keyboard and pointer users both reach; `content` null renders the child alone.
 * It renders inside the main landmark, or inside the dialog it belongs to.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: Child }) {
  const { Popup, wanted, intent } = useWhenWanted(loadPopup);
  if (!content) return children;
  if (Popup)
    return (
      <Popup content={content} {...wanted}>
        {children}
      </Popup>
    );
  return cloneElement(children, {
    ref: intent.ref,
    onPointerEnter: (event: PointerEvent) => {
      children.props.onPointerEnter?.(event);
      intent.onPointerEnter();
    },
    onFocus: (event: FocusEvent) => {
      children.props.onFocus?.(event);
      intent.onFocus();
    },
  } as never);
}
