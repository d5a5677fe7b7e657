"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { safeCallbackUrl, signInSchema, type SignInInput } from "@/lib/validation/auth";
import { Button } from "../ui/button";
import { Field, inputClass } from "../ui/field";
import { useHydrated } from "../ui/use-hydrated";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { username: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      const message =
        result?.error && result.error !== "CredentialsSignin" ? decodeURIComponent(result.error) : "The username or password is incorrect.";
      setError("root", { message });
      return;
    }
    router.replace(safeCallbackUrl(callbackUrl));
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <Field id="username" label="Username" error={errors.username?.message}>
        {(aria) => (
          <input {...aria} {...register("username")} autoComplete="username" autoFocus className={inputClass(!!errors.username)} />
        )}
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        {(aria) => (
          <input
            {...aria}
            {...register("password")}
            type="password"
            autoComplete="current-password"
            className={inputClass(!!errors.password)}
          />
        )}
      </Field>
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-600">
        {errors.root?.message}
      </div>
      {/* Disabled until hydration: a native submit would put the password in the URL. */}
      <Button type="submit" variant="primary" className="w-full" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
