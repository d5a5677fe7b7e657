import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";
import { checkSession } from "../shell/console-fetch";

/**
 * Puts a refused action's messages on the form: each field error on its field (focusing the
 * first), and the message on `root.server` when no field took one. Typed values stay as they are.
 * An ended session is left to the dialog's lapsed-session notice.
 */
export function applyActionFailure<T extends FieldValues>(
  result: ActionFailure,
  setError: UseFormSetError<T>,
  fields: Readonly<Record<string, string | undefined>>,
) {
  // A lapsed session is said once, by the dialog's own notice with its sign-in link.
  if (result.code === "Unauthorized") return;
  let placed = false;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    const shown = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (shown) {
      setError(shown as FieldPath<T>, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  if (!placed) setError("root.server", { type: result.code, message: result.message });
}

/**
 * Calls a server action and always returns a result: a request that never got an answer (network,
 * or the proxy sending a request without a session to sign-in) becomes a failure, and a lapsed
 * session (docs/rules.md "Sessions") is reported through `onLapsed` so the page stops and says so.
 * Those two failures carry the words the caller gives, in the page's language.
 */
export async function callAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  input: I,
  onLapsed: () => void,
  words: { sessionEnded: string; unreachable: string },
): Promise<ActionResult<T>> {
  try {
    const result = await action(input);
    if (!result.ok && result.code === "Unauthorized") onLapsed();
    return result;
  } catch {
    if ((await checkSession()) === "lapsed") {
      onLapsed();
      return { ok: false, code: "Unauthorized", message: words.sessionEnded };
    }
    return { ok: false, code: "InternalError", message: words.unreachable };
  }
}

/** The message a refusal put on the form itself (`root.server`), if any. */
export function formMessage(errors: { root?: Record<string, { message?: string } | undefined> }): string | undefined {
  return errors.root?.server?.message;
}
