"use client";

import * as RadixTooltip from "@radix-ui/react-tooltip";
import { useLayoutEffect, useRef, type ReactElement, type ReactNode } from "react";
import { usePopupContainer } from "./dialog-root";
import { useLandmark } from "./use-landmark";
import type { Wanted } from "./when-wanted";

/** A tooltip itself, loaded when first wanted (tooltip.tsx renders its child alone until then). */
export function TooltipPopup({ content, children, autoFocus, hovered }: { content: ReactNode; children: ReactElement } & Wanted) {
  const dialog = usePopupContainer();
  const main = useLandmark("main");
  const trigger = useRef<HTMLButtonElement>(null);
  // The child was focused as it was swapped for this one: it keeps the focus (and so shows the tip).
  useLayoutEffect(() => {
    if (autoFocus) trigger.current?.focus();
  }, [autoFocus]);
  // Inside the page's main landmark (or the open dialog), never loose at the end of <body>.
  const container = dialog ?? main;
  return (
    <RadixTooltip.Provider delayDuration={150}>
      <RadixTooltip.Root defaultOpen={hovered}>
        <RadixTooltip.Trigger asChild ref={trigger}>
          {children}
        </RadixTooltip.Trigger>
        <RadixTooltip.Portal container={container}>
          <RadixTooltip.Content
            sideOffset={6}
            className="z-50 max-w-xs rounded-sm bg-gray-900 px-2.5 py-1.5 text-xs leading-relaxed text-white shadow-lg"
          >
            {content}
            <RadixTooltip.Arrow className="fill-gray-900" />
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
