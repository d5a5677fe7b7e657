import type { ReactNode } from "react";
import { cn } from "./cn";

export interface FieldAria {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  /** the red asterisk is hidden from screen readers: this says "required" instead */
  "aria-required"?: boolean;
}

/** A styled text input, red while invalid. */
export function inputClass(invalid: boolean, extra?: string) {
  // Named component classes (app/globals.css): the utilities are written once, in the CSS.
  return cn("field", invalid ? "field-bad" : "field-ok", extra);
}

/**
 * A labelled form field: its rule text and its error are tied to the input with
 * aria-describedby, and the error is announced when it appears.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (aria: FieldAria) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline gap-0.5">
        {required ? (
          <span aria-hidden className="text-sm text-red-500">
            *
          </span>
        ) : null}
        <label htmlFor={id} className="block text-sm font-medium text-gray-800">
          {label}
        </label>
      </div>
      {children({ id, "aria-invalid": !!error, "aria-describedby": describedBy, "aria-required": required || undefined })}
      <p id={errorId} aria-live="polite" className={cn("text-xs text-red-600", !error && "sr-only")}>
        {error ?? ""}
      </p>
      {hint ? (
        <p id={hintId} className="text-xs leading-relaxed text-gray-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
