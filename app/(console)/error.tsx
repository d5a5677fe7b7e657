"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
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
      <h1 className="text-lg font-semibold text-gray-900">
        {unavailable ? "The database is unreachable" : "This page could not be loaded"}
      </h1>
      <p className="mt-2 text-sm text-gray-700">
        {unavailable
          ? "The console cannot reach its database right now. Nothing was changed. Try again in a moment; the console reconnects by itself when the database is back."
          : "Something went wrong on our side. Nothing was changed. Try again in a moment."}
        {error.digest && !unavailable ? <span className="mt-2 block font-mono text-xs text-gray-700">Reference {error.digest}</span> : null}
      </p>
      <div className="mt-5 flex items-center justify-center gap-4">
        <Button variant="primary" onClick={retry}>
          Try again
        </Button>
        <Link href="/change-tracking" className="text-sm text-blue-700 hover:underline">
          Change Tracking Tasks
        </Link>
      </div>
    </div>
  );
}
