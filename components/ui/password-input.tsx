"use client";

import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";

/**
 * Every password field of the console: an input with Show/Hide at its right edge (the text stays
 * in the field, never elsewhere). A form whose fields belong together (a new password and its
 * confirmation) passes `visible` and `onToggle` so one click shows or hides both; otherwise the
 * field keeps its own state. Give it `className` with room on the right (`inputClass(…, "pr-14")`).
 */
export function PasswordInput({
  visible,
  onToggle,
  autoComplete = "new-password",
  ...props
}: Omit<ComponentProps<"input">, "type"> & {
  visible?: boolean;
  onToggle?: () => void;
  autoComplete?: "new-password" | "current-password";
}) {
  const t = useTranslations("common.password");
  const [own, setOwn] = useState(false);
  const shown = visible ?? own;
  return (
    <div className="relative">
      <input {...props} type={shown ? "text" : "password"} autoComplete={autoComplete} spellCheck={false} />
      <button
        type="button"
        onClick={onToggle ?? (() => setOwn((v) => !v))}
        aria-pressed={shown}
        aria-label={shown ? t("hideLabel") : t("showLabel")}
        className="absolute inset-y-0 right-0 px-2.5 text-xs whitespace-nowrap text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {shown ? t("hide") : t("show")}
      </button>
    </div>
  );
}
