import { z } from "zod";

export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your username.").max(64, "Usernames are at most 64 characters."),
  password: z.string().min(1, "Enter your password.").max(256, "Passwords are at most 256 characters."),
});

export type SignInInput = z.input<typeof signInSchema>;

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/change-tracking";
  return value;
}
