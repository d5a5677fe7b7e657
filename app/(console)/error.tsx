"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Anything unexpected while rendering a console page: a calm message inside the shell, never a stack trace. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("console page failed", error.digest ?? "");
  }, [error]);
  return (
    <div role="alert" className="mx-auto mt-10 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center sm:mt-16">
      <h1 className="text-lg font-semibold text-gray-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-gray-700">
        Something went wrong on our side. Nothing was changed. Try again in a moment.
        {error.digest ? <span className="mt-2 block font-mono text-xs text-gray-700">Reference {error.digest}</span> : null}
      </p>
      <div className="mt-5 flex items-center justify-center gap-4">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
        <Link href="/change-tracking" className="text-sm text-blue-700 hover:underline">
          Change Tracking Tasks
        </Link>
      </div>
    </div>
  );
}
