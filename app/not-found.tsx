import type { Metadata } from "next";
import Link from "next/link";
import { LogoMark } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Page not found" };

/** The 404 outside the console (no session to show the shell for): the same card, with the brand. */
export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
        <div className="mb-4 flex justify-center">
          <LogoMark size="lg" />
        </div>
        <p className="font-mono text-sm text-gray-700">404</p>
        <h1 className="mt-1 text-lg font-semibold text-gray-900">Page not found</h1>
        <p className="mt-2 text-sm text-gray-700">There is nothing at this address.</p>
        <Link href="/change-tracking" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
          Go to Change Tracking Tasks
        </Link>
      </div>
    </main>
  );
}
