import { useTranslations } from "next-intl";
import { STALLED_AFTER_SECONDS } from "@/lib/validation/rules";
import { Badge } from "../ui/badge";

/**
 * Connected while a consumer holds a live lease on the group, Stalled when that consumer has a
 * backlog and its checkpoint stands still (docs/rules.md "Lag health"), else Idle; "stale" when not fresh.
 */
export function GroupState({ connected, stalled = false, stale = false }: { connected: boolean; stalled?: boolean; stale?: boolean }) {
  const t = useTranslations("consume.state");
  return (
    <>
      {stalled ? (
        <Badge tone="red" title={t("stalledHint", { minutes: STALLED_AFTER_SECONDS / 60 })}>
          {t("stalled")}
        </Badge>
      ) : (
        <Badge tone={connected ? "green" : "gray"}>{connected ? t("connected") : t("idle")}</Badge>
      )}
      {stale ? (
        <span className="ml-1.5 inline-block rounded-sm bg-amber-100 px-1 text-xs font-medium whitespace-nowrap text-amber-900">
          {t("stale")}
        </span>
      ) : null}
    </>
  );
}
