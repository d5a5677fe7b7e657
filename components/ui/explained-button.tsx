"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Tooltip } from "./tooltip";

/**
 * A button that, while unavailable, still explains itself: it stays focusable (aria-disabled
 * rather than disabled, so keyboard users reach it) and its tooltip and accessible name say why.
 */
export function ExplainedButton({
  reason,
  children,
  variant = "secondary",
  className,
  ...props
}: Omit<ComponentProps<typeof Button>, "children"> & { reason: string | null; children: string }) {
  const t = useTranslations("common");
  if (!reason)
    return (
      <Button variant={variant} className={className} {...props}>
        {children}
      </Button>
    );
  return (
    <Tooltip content={reason}>
      <span
        role="button"
        tabIndex={0}
        aria-disabled="true"
        aria-label={t("unavailable", { label: children, reason })}
        className={cn("btn-off", variant === "primary" && "btn-off-primary", className)}
      >
        {children}
      </span>
    </Tooltip>
  );
}
