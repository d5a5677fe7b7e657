import type { InstanceStatus } from "@/lib/generated/prisma/enums";
import { Badge, type Tone } from "../ui/badge";

export const STATUS_LABELS: Record<InstanceStatus, string> = {
  NotStarted: "Not Started",
  Prechecking: "Prechecking",
  PrecheckFailed: "Precheck Failed",
  Starting: "Starting",
  Normal: "Normal",
  Abnormal: "Abnormal",
  Retrying: "Retrying",
  Upgrade: "Upgrading",
  Locked: "Locked",
  Downgrade: "Downgrading",
};

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

export function StatusBadge({ status }: { status: InstanceStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
