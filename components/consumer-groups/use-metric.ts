import { useLocale, useTranslations } from "next-intl";
import { formatMetric } from "@/lib/format";

/**
 * The progress figures in the page's language: a delay in seconds (`12 s`, `12 秒`) and a count
 * grouped as the locale writes numbers; "—" when no consumer is connected (DTS's -1).
 */
export function useMetric(): {
  seconds: (value: number | null | undefined) => string;
  count: (value: number | null | undefined) => string;
} {
  const t = useTranslations("consume.panel");
  const locale = useLocale();
  return {
    seconds: (value) => {
      const text = formatMetric(value, "", locale);
      return text === "—" ? text : t("seconds", { value: text });
    },
    count: (value) => formatMetric(value, "", locale),
  };
}
