"use client";

import { useEffect, useRef } from "react";

/**
 * The form-level error of a dialog, announced when it appears and focused, so a refused submit
 * that belongs to no single field still moves focus to what went wrong. The message arrives
 * worded (components/forms/worded-resolver.ts, use-server-action.ts).
 */
export function FormAlert({ message }: { message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return message ? (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-sm border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-2 focus:outline-red-600"
    >
      {message}
    </div>
  ) : null;
}
