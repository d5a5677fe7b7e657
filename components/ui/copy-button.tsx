"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "./toast";
import { Tooltip } from "./tooltip";

/** Copies a value to the clipboard and says so; its tooltip shows the whole value. */
export function CopyButton({
  value,
  label,
  compact = false,
  autoFocus = false,
}: {
  value: string;
  label: string;
  compact?: boolean;
  /** take focus when shown (a value shown once, which the user came to copy) */
  autoFocus?: boolean;
}) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(t("copiedToast", { label }));
      setTimeout(() => {
        setCopied(false);
      }, 1500);
    } catch {
      toast.error(t("copyFailed"));
    }
  }
  const button = (
    <button
      type="button"
      onClick={() => void copy()}
      autoFocus={autoFocus}
      aria-label={t("copyLabel", { label })}
      className={`${compact ? "ml-0.5" : "ml-2"} copy-btn`}
    >
      {compact ? (
        // The icon is drawn by CSS (app/globals.css .copy-icon): one rule, not an SVG in every row.
        copied ? (
          <span aria-hidden>✓</span>
        ) : (
          <span aria-hidden className="copy-icon" />
        )
      ) : copied ? (
        t("copied")
      ) : (
        t("copy")
      )}
    </button>
  );
  return compact ? <Tooltip content={<span className="font-mono break-all">{value}</span>}>{button}</Tooltip> : button;
}
