import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/result";

/**
 * Puts a refused action's messages on the form: each field error on its field (focusing the
 * first), and the message on `root.server` when no field took one. Typed values stay as they are.
 */
export function applyActionFailure<T extends FieldValues>(result: ActionFailure, setError: UseFormSetError<T>, fields: readonly string[]) {
  let placed = false;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    if (fields.includes(field)) {
      setError(field as FieldPath<T>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  if (!placed) setError("root.server" as FieldPath<T>, { type: result.code, message: result.message });
}
