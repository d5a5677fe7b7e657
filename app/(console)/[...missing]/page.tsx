import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translator";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("title") };
}

/**
 * Any address the console does not have: checked for a session like every page, then the
 * console's own 404 (app/(console)/not-found.tsx), inside the shell with its navigation.
 */
export default async function MissingPage() {
  await requireUser();
  notFound();
}
