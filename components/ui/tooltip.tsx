"use client";

import * as RadixTooltip from "@radix-ui/react-tooltip";
import type { ReactNode } from "react";
import { usePopupContainer } from "./dialog";
import { useLandmark } from "./use-landmark";

export const TooltipProvider = RadixTooltip.Provider;

/**
 * A tooltip that keyboard and pointer users both reach; `content` null renders the child alone.
 * It renders inside the main landmark, or inside the dialog it belongs to.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  const dialog = usePopupContainer();
  const main = useLandmark("main");
  if (!content) return <>{children}</>;
  // Inside the page's main landmark (or the open dialog), never loose at the end of <body>.
  const container = dialog ?? main;
  return (
    <RadixTooltip.Root delayDuration={150}>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
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
  );
}
