"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";

/**
 * Anything unexpected while rendering a console page: a calm message inside the shell, never a
 * stack trace. When the database could not be reached (the server marks that error with a digest
 * of its own), the page says so; "Try again" renders the page afresh on the server, so it works as
 * soon as the database is back, without reloading the console.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const t = useTranslations("shell.error");
  const tc = useTranslations("common");
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  useEffect(() => {
    console.error("console page failed", error.digest ?? "");
  }, [error]);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto mt-10 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center sm:mt-16">
      <h1 className="text-lg font-semibold text-gray-900">{unavailable ? t("databaseTitle") : t("title")}</h1>
      <p className="mt-2 text-sm text-gray-700">
        {unavailable ? t("databaseBody") : t("body")}
        {error.digest && !unavailable ? (
          <span className="mt-2 block font-mono text-xs text-gray-700">{t("reference", { digest: error.digest })}</span>
        ) : null}
      </p>
      <div className="mt-5 flex items-center justify-center gap-4">
        <Button variant="primary" onClick={retry}>
          {tc("tryAgain")}
        </Button>
        <Link href="/change-tracking" className="text-sm text-blue-700 hover:underline">
          {t("tasks")}
        </Link>
      </div>
    </div>
  );
}
