"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useWordedResolver } from "../forms/worded-resolver";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { safeCallbackUrl, signInSchema, type SignInInput } from "@/lib/validation/auth";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { PasswordInput } from "../ui/password-input";
import { useHydrated } from "../ui/use-hydrated";

/** A throttled account's refusal, as lib/auth/options.ts throws it: `Throttled:<seconds>`. */
const THROTTLED = /^Throttled:(\d+)$/;

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth.form");
  const router = useRouter();
  const hydrated = useHydrated();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: useWordedResolver(zodResolver(signInSchema)), defaultValues: { username: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError("root", { message: refusal(result?.error) });
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl));
    router.refresh();
  }

  /** next-auth's error in words: wrong credentials, a throttled account, or anything else (the server failed). */
  function refusal(error: string | null | undefined): string {
    if (!error || error === "CredentialsSignin") return t("incorrect");
    const throttled = THROTTLED.exec(decodeURIComponent(error));
    return throttled ? t("throttled", { seconds: Number(throttled[1]) }) : t("failed");
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <Field id="username" label={t("username")} error={errors.username?.message}>
        {(aria) => (
          <input {...aria} {...register("username")} autoComplete="username" autoFocus className={inputClass(!!errors.username)} />
        )}
      </Field>
      <Field id="password" label={t("password")} error={errors.password?.message}>
        {(aria) => (
          <PasswordInput
            {...aria}
            {...register("password")}
            autoComplete="current-password"
            className={inputClass(!!errors.password, "pr-14")}
          />
        )}
      </Field>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-600">
        {errors.root?.message}
      </div>
      {/* Disabled until hydration: a native submit would put the password in the URL. */}
      <Button type="submit" variant="primary" className="w-full" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
