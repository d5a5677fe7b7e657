import { useLocale, useTranslations } from "next-intl";
import { formatDuration, formatMetric } from "@/lib/format";

/**
 * The progress figures in the page's language: a delay in seconds under a minute (`12 s`, `12 秒`),
 * longer as a duration (`3 hr 41 min`, `3小时 41分钟`) that reads at a glance, and a count grouped as
 * the locale writes numbers; "—" when no consumer is connected (DTS's -1).
 */
export function useMetric(): {
  seconds: (value: number | null | undefined) => string;
  count: (value: number | null | undefined) => string;
} {
  const t = useTranslations("consume.panel");
  const locale = useLocale();
  return {
    seconds: (value) => {
      if (value !== null && value !== undefined && value >= 60) return formatDuration(value, locale);
      const text = formatMetric(value, "", locale);
      return text === "—" ? text : t("seconds", { value: text });
    },
    count: (value) => formatMetric(value, "", locale),
  };
}
