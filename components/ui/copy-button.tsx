"use client";

import { useState } from "react";
import { toast } from "sonner";

/** Copies a value to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${label} copied`);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error("The browser did not allow copying. Select the text and copy it instead.");
    }
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      className="ml-2 inline-flex h-6 items-center rounded-sm px-1.5 text-xs text-blue-600 hover:bg-blue-50"
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
