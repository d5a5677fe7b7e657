import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";

export default function InstanceNotFound() {
  const t = useTranslations("instance.notFound");
  return (
    <div className="mx-auto mt-10 max-w-md rounded-sm border border-gray-200 bg-white p-8 text-center sm:mt-16">
      <p className="font-mono text-sm text-gray-700">404</p>
      <h1 className="mt-1 text-lg font-semibold text-gray-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-gray-700">{t("body")}</p>
      <Link href="/change-tracking" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
