/**
 * The alerts the evaluator fires (docs/rules.md "Alert delivery"): an instance's latency and status
 * alerts (DTS's), and a consumer group's own rule: its delay held over a threshold, a stalled
 * consumer, no consumer connected. The `alert_event_rule_check` CHECK repeats the list. Pure.
 */
export const ALERT_RULES = ["delay", "status", "group_delay", "stalled", "disconnected"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const asAlertRule = (value: string): AlertRule =>
  (ALERT_RULES as readonly string[]).includes(value) ? (value as AlertRule) : "delay";
