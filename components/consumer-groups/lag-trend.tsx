import { useTranslations } from "next-intl";
import type { LagHealth } from "@/lib/consumer/lag-health";
import { LAG_TREND_WINDOW_MS } from "@/lib/validation/rules";
import { useMetric } from "./use-metric";

const ARROWS = { rising: "↗", draining: "↘", steady: "→" } as const;

/** The backlog's trend under Unconsumed Data, with the time to catch up while draining (docs/rules.md "Lag health"). */
export function LagTrend({ health }: { health: LagHealth }) {
  const t = useTranslations("consume.lagTrend");
  const metric = useMetric();
  if (!health.trend) return null;
  const words = t(`trends.${health.trend}`);
  return (
    <span
      data-testid="lag-trend"
      data-trend={health.trend}
      title={t("label", { minutes: LAG_TREND_WINDOW_MS / 60_000 })}
      className={`mt-0.5 block text-xs ${health.trend === "rising" ? "text-red-700" : "text-gray-700"}`}
    >
      <span aria-hidden>{ARROWS[health.trend]} </span>
      {words}
      {health.trend === "draining" && health.etaSeconds !== null
        ? ` · ${t("catchUp", { duration: metric.seconds(health.etaSeconds) })}`
        : ""}
    </span>
  );
}
