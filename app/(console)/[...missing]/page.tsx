import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Any address the console does not have: checked for a session like every page, then the
 * console's own 404 (app/(console)/not-found.tsx), inside the shell with its navigation.
 */
export default async function MissingPage() {
  await requireUser();
  notFound();
}
