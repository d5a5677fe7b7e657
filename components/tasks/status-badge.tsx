import { useTranslations } from "next-intl";
import type { InstanceStatus } from "@/lib/generated/prisma/enums";
import { Badge, type Tone } from "../ui/badge";

/** A status's name in the page's language (messages common.status). */
export function useStatusLabel(): (status: InstanceStatus) => string {
  const t = useTranslations("common.status");
  return (status) => t(status);
}

const TONES: Record<InstanceStatus, Tone> = {
  NotStarted: "gray",
  Prechecking: "blue",
  PrecheckFailed: "red",
  Starting: "blue",
  Normal: "green",
  Abnormal: "red",
  Retrying: "orange",
  Upgrade: "purple",
  Locked: "orange",
  Downgrade: "purple",
};

export function StatusBadge({ status, testId }: { status: InstanceStatus; testId?: string }) {
  const label = useStatusLabel();
  return (
    <Badge tone={TONES[status]} testId={testId}>
      {label(status)}
    </Badge>
  );
}
