"use client";

import type { ComponentProps } from "react";
import { Button } from "./button";
import { Tooltip } from "./tooltip";

/** A disabled button that still explains itself: the tooltip sits on a focusable wrapper. */
export function ExplainedButton({ reason, children, ...props }: ComponentProps<typeof Button> & { reason: string | null }) {
  if (!reason) return <Button {...props}>{children}</Button>;
  return (
    <Tooltip content={reason}>
      <span tabIndex={0} className="inline-flex rounded-sm focus-visible:outline-2 focus-visible:outline-blue-600" aria-label={`${String(children)} (unavailable: ${reason})`}>
        <Button {...props} disabled aria-disabled className="pointer-events-none">
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
