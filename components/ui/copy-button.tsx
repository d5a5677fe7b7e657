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
      className={compact ? "copy-btn copy-sm" : "ml-2 copy-btn"}
    >
      {/* A compact button's icon is drawn by CSS (app/globals.css .copy-sm): one rule, not an
          element in every row. */}
      {compact ? copied ? <span aria-hidden>✓</span> : null : copied ? t("copied") : t("copy")}
    </button>
  );
  return compact ? <Tooltip content={<span className="font-mono break-all">{value}</span>}>{button}</Tooltip> : button;
}
