import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "@/i18n/translator";
import { NotFoundCard } from "@/components/shell/not-found-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("title") };
}

/** The 404 outside the console (no session to show the shell for): the same card, with the brand. */
export default function NotFound() {
  const t = useTranslations("shell.notFound");
  return <NotFoundCard title={t("title")} body={t("body")} link={t("goToTasks")} standalone />;
}
