// Message keys the code picks at run time (`t(\`status.${status}\`)`): each family's members are
// exactly these lists, so a new status, region, role or audit action without its words fails
// test/i18n/i18n-catalogues.test.ts.
import { AUDIT_ACTIONS, AUDIT_ACTORS } from "@/lib/audit";
import { CONNECT_CLIENTS, CONNECT_NETWORKS } from "@/lib/consumer/connect-guide";
import { LAG_TRENDS } from "@/lib/consumer/lag-health";
import { ALERT_RULES } from "@/lib/alerts/rules";
import { CHANNEL_FORMATS } from "@/lib/validation/notification-channel";
import { REGION_AREA_KEYS, REGION_IDS } from "@/lib/regions";
import { MONITOR_RANGE_KEYS } from "@/lib/validation/monitoring";
import { INSTANCE_STATUSES } from "@/lib/validation/task";

export const ROLES = ["viewer", "operator", "admin"] as const;

export const I18N_FAMILIES: Record<string, readonly string[]> = {
  "regions.names": REGION_IDS,
  "regions.areas": Object.values(REGION_AREA_KEYS),
  "audit.actions": AUDIT_ACTIONS,
  "audit.actors": AUDIT_ACTORS,
  "common.status": INSTANCE_STATUSES,
  "common.roles": ROLES,
  "common.billing": ["Subscription", "PayAsYouGo"],
  "consume.connectGuide.networks": CONNECT_NETWORKS,
  "consume.connectGuide.clients": CONNECT_CLIENTS,
  "consume.lagTrend.trends": LAG_TRENDS,
  "alerts.channels.formats": CHANNEL_FORMATS,
  "alerts.history.rules": ALERT_RULES,
  "alerts.channels.states": ["ok", "failing", "unused"],
  "monitoring.ranges": MONITOR_RANGE_KEYS,
  "monitoring.steps": MONITOR_RANGE_KEYS,
  "monitoring.charts": ["delay", "unconsumed"],
};
