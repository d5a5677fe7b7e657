import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";

/** Connected while a consumer holds a live lease on the group, else Idle; "stale" when not fresh. */
export function GroupState({ connected, stale = false }: { connected: boolean; stale?: boolean }) {
  const t = useTranslations("consume.state");
  return (
    <>
      <Badge tone={connected ? "green" : "gray"}>{connected ? t("connected") : t("idle")}</Badge>
      {stale ? (
        <span className="ml-1.5 inline-block rounded-sm bg-amber-100 px-1 text-xs font-medium whitespace-nowrap text-amber-900">
          {t("stale")}
        </span>
      ) : null}
    </>
  );
}
