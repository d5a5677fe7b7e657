"use client";

import { Link } from "@/components/ui/link";
import { LogoMark } from "./logo";

/**
 * A 404's card: what was not found, and the way back to the task list. A client component fed
 * its words, so each layout's not-found boundary (which every page's RSC payload carries) is a
 * reference and four strings, not its markup (README "Benchmark"). `standalone` is the 404 outside
 * the console (no session, so no shell): centred on the page, with the brand.
 */
export function NotFoundCard({
  title,
  body,
  link,
  standalone = false,
}: {
  title: string;
  body: string;
  link: string;
  standalone?: boolean;
}) {
  const card = (
    <div
      className={
        standalone
          ? "w-full max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center"
          : "mx-auto mt-10 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center sm:mt-16"
      }
    >
      {standalone ? (
        <div className="mb-4 flex justify-center">
          <LogoMark size="lg" />
        </div>
      ) : null}
      <p className="font-mono text-sm text-gray-700">404</p>
      <h1 className="mt-1 text-lg font-semibold text-gray-900">{title}</h1>
      <p className="mt-2 text-sm text-gray-700">{body}</p>
      <Link href="/change-tracking" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        {link}
      </Link>
    </div>
  );
  return standalone ? <main className="flex min-h-screen items-center justify-center px-4">{card}</main> : card;
}
