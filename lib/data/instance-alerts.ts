import "server-only";
import type { SessionUser } from "../auth/session";
import { getDb } from "../db";
import { DTS_ID_PATTERN } from "../validation/consumer-group";
import { assertReader } from "./guard";

/** An instance's monitoring and alerting (docs/rules.md "Alerts"); DTS's defaults while never configured. */
export interface InstanceAlertSettings {
  delayAlert: boolean;
  delayOverSeconds: number | null;
  delayAlertPhone: string;
  errorAlert: boolean;
  errorAlertPhone: string;
  /** null while never configured */
  updatedAt: Date | null;
  updatedBy: string | null;
}

export const ALERTS_NOT_CONFIGURED: InstanceAlertSettings = {
  delayAlert: false,
  delayOverSeconds: null,
  delayAlertPhone: "",
  errorAlert: false,
  errorAlertPhone: "",
  updatedAt: null,
  updatedBy: null,
};

/** The instance's alert settings, or null when the instance does not exist. */
export async function getInstanceAlert(user: SessionUser, instanceId: string): Promise<InstanceAlertSettings | null> {
  assertReader(user);
  if (!DTS_ID_PATTERN.test(instanceId)) return null;
  const db = await getDb();
  const instance = await db.instance.findUnique({
    where: { id: instanceId },
    select: {
      alert: {
        select: {
          delayAlert: true,
          delayOverSeconds: true,
          delayAlertPhone: true,
          errorAlert: true,
          errorAlertPhone: true,
          updatedAt: true,
          updatedBy: true,
        },
      },
    },
  });
  if (!instance) return null;
  return instance.alert ?? ALERTS_NOT_CONFIGURED;
}
