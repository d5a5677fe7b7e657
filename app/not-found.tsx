import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "@/i18n/translator";
import { LogoMark } from "@/components/shell/logo";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("title") };
}

/** The 404 outside the console (no session to show the shell for): the same card, with the brand. */
export default function NotFound() {
  const t = useTranslations("shell.notFound");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center">
        <div className="mb-4 flex justify-center">
          <LogoMark size="lg" />
        </div>
        <p className="font-mono text-sm text-gray-700">404</p>
        <h1 className="mt-1 text-lg font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-2 text-sm text-gray-700">{t("body")}</p>
        <Link href="/change-tracking" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
          {t("goToTasks")}
        </Link>
      </div>
    </main>
  );
}
