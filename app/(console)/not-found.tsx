import { useTranslations } from "next-intl";
import { NotFoundCard } from "@/components/shell/not-found-card";

/** The console's 404, inside the shell: the top bar and navigation stay, so the way on is there. */
export default function ConsoleNotFound() {
  const t = useTranslations("shell.notFound");
  return <NotFoundCard title={t("title")} body={t("consoleBody")} link={t("goToTasks")} />;
}
