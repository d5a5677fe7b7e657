-- Alert rules per consumer group (docs/rules.md "Alert delivery"), beyond DTS's per-instance
-- alerts: a delay over N seconds held for M minutes, a stalled consumer, no consumer connected for
-- N minutes. One row per group; each condition is on when set.
CREATE TABLE "group_alert_rule" (
    "group_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "delay_over_seconds" INTEGER,
    "delay_for_minutes" INTEGER NOT NULL DEFAULT 0,
    "stalled" BOOLEAN NOT NULL DEFAULT false,
    "disconnected_minutes" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,
    CONSTRAINT "group_alert_rule_pkey" PRIMARY KEY ("group_id"),
    CONSTRAINT "group_alert_rule_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "consumer_group"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "group_alert_rule_delay_over_seconds_check" CHECK ("delay_over_seconds" IS NULL OR "delay_over_seconds" BETWEEN 1 AND 2592000),
    CONSTRAINT "group_alert_rule_delay_for_minutes_check" CHECK ("delay_for_minutes" BETWEEN 0 AND 1440),
    CONSTRAINT "group_alert_rule_disconnected_minutes_check" CHECK ("disconnected_minutes" IS NULL OR "disconnected_minutes" BETWEEN 1 AND 10080),
    CONSTRAINT "group_alert_rule_updated_by_check" CHECK (length("updated_by") BETWEEN 1 AND 64)
);

-- The alerts these fire: the group's own delay, a stalled consumer, no consumer connected.
ALTER TABLE "alert_event" DROP CONSTRAINT "alert_event_rule_check";
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_rule_check" CHECK ("rule" IN ('delay', 'status', 'group_delay', 'stalled', 'disconnected'));
ALTER TABLE "alert_event" DROP CONSTRAINT "alert_event_target_check";
ALTER TABLE "alert_event" ADD CONSTRAINT "alert_event_target_check" CHECK (("rule" = 'status') = ("group_id" = ''));

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'changeLanguage', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest', 'configureInstanceAlert', 'alertFired', 'alertResolved', 'createNotificationChannel', 'deleteNotificationChannel', 'testNotificationChannel', 'configureGroupAlertRule'));
