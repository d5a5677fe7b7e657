/**
 * The alerts the evaluator fires (docs/rules.md "Alert delivery"): an instance's latency and status
 * alerts (DTS's), and a consumer group's own rule: its delay held over a threshold, a stalled
 * consumer, no consumer connected. The `alert_event_rule_check` CHECK repeats the list. Pure.
 */
export const ALERT_RULES = ["delay", "status", "group_delay", "stalled", "disconnected"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const asAlertRule = (value: string): AlertRule =>
  (ALERT_RULES as readonly string[]).includes(value) ? (value as AlertRule) : "delay";

/** An alert as the history lists it and a delivery sends it (JSON-safe). */
export interface AlertFacts {
  id: string;
  rule: AlertRule;
  instanceId: string;
  instanceName: string;
  groupId: string | null;
  groupName: string | null;
  /** the measured value when it fired (seconds of delay, minutes away) */
  value: number;
  /** the rule's threshold */
  threshold: number;
  firedAt: string;
  resolvedAt: string | null;
}
