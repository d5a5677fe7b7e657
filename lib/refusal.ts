import type { MessageValues } from "@/i18n/keys";
import type { ErrorCode } from "./error-codes";

/**
 * The one refusal: what every layer says when it says no (a server action, an OpenAPI call, a
 * consumer endpoint, the server-action guard). `code` is DTS's error code and never changes;
 * `message` is a message key of the catalogues with `values` for its placeholders until it is
 * answered, then the words in the caller's language, without `values` (docs/rules.md
 * "Languages"); `fieldErrors` name the fields at fault the same way.
 */
export interface Refusal {
  code: ErrorCode;
  message: string;
  values?: MessageValues;
  fieldErrors?: Record<string, string>;
}

/** A refusal answered over HTTP: its status, and for a throttled client the seconds to wait. */
export interface HttpRefusal<Status extends number = number> extends Refusal {
  status: Status;
  retryAfter?: number;
}

/** The result of a step that may refuse: its value, or the refusal (an action's result is flat, lib/actions/result.ts). */
export type Outcome<T, R extends Refusal = HttpRefusal> = { ok: true; data: T } | { ok: false; refusal: R };
