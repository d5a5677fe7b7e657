"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClass } from "../ui/field";
import { PasswordInput } from "../ui/password-input";

/**
 * A dialog's required password field: its label, the rule as a hint and its error (Field) around
 * an input with Show/Hide (PasswordInput). A new password and its confirmation pass the same
 * `visible` and `onToggle`, so one click shows or hides both; `beside` sits to the input's right
 * (Reset Password's Generate). `register` is called as the field renders, as the other fields'
 * are, so the form registers its fields in page order (react-hook-form focuses the first invalid
 * one of that order).
 */
export function PasswordField({
  id,
  label,
  hint,
  error,
  register,
  visible,
  onToggle,
  autoComplete = "new-password",
  mono = false,
  beside,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  register: () => UseFormRegisterReturn;
  visible?: boolean;
  onToggle?: () => void;
  autoComplete?: "new-password" | "current-password";
  mono?: boolean;
  beside?: ReactNode;
}) {
  return (
    <Field id={id} label={label} required hint={hint} error={error}>
      {(aria) => {
        const input = (
          <PasswordInput
            {...aria}
            {...register()}
            autoComplete={autoComplete}
            visible={visible}
            onToggle={onToggle}
            className={inputClass(!!error, mono ? "pr-14 font-mono" : "pr-14")}
          />
        );
        return beside ? (
          <div className="flex gap-2">
            <div className="min-w-0 flex-1">{input}</div>
            {beside}
          </div>
        ) : (
          input
        );
      }}
    </Field>
  );
}
