-- Monitoring and alerting of a change tracking instance (docs/rules.md "Alerts"): the fields of
-- DTS's ConfigureSubscriptionInstanceAlert, one row per instance once someone configured them.
CREATE TABLE "instance_alert" (
    "instance_id" TEXT NOT NULL,
    "delay_alert" BOOLEAN NOT NULL,
    "delay_over_seconds" INTEGER,
    "delay_alert_phone" TEXT NOT NULL DEFAULT '',
    "error_alert" BOOLEAN NOT NULL,
    "error_alert_phone" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,
    CONSTRAINT "instance_alert_pkey" PRIMARY KEY ("instance_id"),
    CONSTRAINT "instance_alert_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- a whole number of seconds, at most 30 days (lib/validation/instance-alert.ts DELAY_THRESHOLD)
    CONSTRAINT "instance_alert_delay_over_seconds_check" CHECK ("delay_over_seconds" IS NULL OR "delay_over_seconds" BETWEEN 1 AND 2592000),
    -- DTS: DelayOverSeconds must be given when DelayAlertStatus is enable
    CONSTRAINT "instance_alert_delay_threshold_check" CHECK (NOT "delay_alert" OR "delay_over_seconds" IS NOT NULL),
    -- up to 10 mainland China mobile numbers, separated by commas (DTS's DelayAlertPhone, ErrorAlertPhone)
    CONSTRAINT "instance_alert_delay_alert_phone_check" CHECK ("delay_alert_phone" ~ '^(1[0-9]{10}(,1[0-9]{10}){0,9})?$'),
    CONSTRAINT "instance_alert_error_alert_phone_check" CHECK ("error_alert_phone" ~ '^(1[0-9]{10}(,1[0-9]{10}){0,9})?$'),
    CONSTRAINT "instance_alert_updated_by_check" CHECK (length("updated_by") BETWEEN 1 AND 64)
);

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'changeLanguage', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest', 'configureInstanceAlert'));
