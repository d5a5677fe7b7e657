import { z } from "./zod";
import { hasControlChars } from "./text";

export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, "validation.signIn.usernameRequired")
    .max(64, "validation.signIn.usernameTooLong")
    .refine((v) => !hasControlChars(v), "validation.signIn.usernameControl"),
  password: z.string().min(1, "validation.signIn.passwordRequired").max(256, "validation.signIn.passwordTooLong"),
});

export type SignInInput = z.input<typeof signInSchema>;

export const DEFAULT_AFTER_SIGN_IN = "/change-tracking";

// Any origin stands in for the console's own: what matters is whether the URL leaves it.
const SELF = "http://console.invalid";

/**
 * Where to go after sign-in (docs/rules.md "Sign-in"): a path that, resolved against the console's
 * own origin, stays on it and holds no control characters; anything else falls back to the task
 * list. Browsers drop tabs and newlines from URLs, so "/\t/evil.invalid" is "//evil.invalid".
 */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || value.length > 2048 || !value.startsWith("/") || /[\u0000-\u0020\u007f-\u009f\\]/u.test(value))
    return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, SELF);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== SELF || url.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return url.pathname + url.search + url.hash;
}
