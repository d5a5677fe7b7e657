import { useTranslations } from "next-intl";
import { NotFoundCard } from "@/components/shell/not-found-card";

/** An instance id that names no task. */
export default function InstanceNotFound() {
  const t = useTranslations("instance.notFound");
  return <NotFoundCard title={t("title")} body={t("body")} link={t("back")} />;
}
