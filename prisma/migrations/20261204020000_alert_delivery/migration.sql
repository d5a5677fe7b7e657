-- Alerts that reach people (docs/rules.md "Alert delivery"): what fired and when it resolved, the
-- webhook channels admins manage, and every delivery attempt to each of them.

-- One row per alert: a rule (an instance's latency or status alert) firing for a target, until it
-- resolves. At most one open alert per rule and target: however many processes evaluate at once,
-- an alert fires once (the partial unique index is the rule).
CREATE TABLE "alert_event" (
    "id" BIGSERIAL PRIMARY KEY,
    "instance_id" TEXT NOT NULL REFERENCES "instance"("id") ON DELETE CASCADE,
    -- the consumer group for a latency alert; '' for the instance's status alert
    "group_id" TEXT NOT NULL DEFAULT '',
    "rule" TEXT NOT NULL,
    -- what was measured when it fired (seconds of delay; for status, 0) and the threshold then
    "value" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    -- the instance status that fired a status alert
    "detail" TEXT NOT NULL DEFAULT '',
    "fired_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),
    CONSTRAINT "alert_event_rule_check" CHECK ("rule" IN ('delay', 'status')),
    CONSTRAINT "alert_event_target_check" CHECK (("rule" = 'delay') = ("group_id" <> '')),
    CONSTRAINT "alert_event_resolved_check" CHECK ("resolved_at" IS NULL OR "resolved_at" >= "fired_at")
);
CREATE UNIQUE INDEX "alert_event_open_key" ON "alert_event" ("instance_id", "rule", "group_id") WHERE "resolved_at" IS NULL;
CREATE INDEX "alert_event_instance_fired_idx" ON "alert_event" ("instance_id", "fired_at" DESC, "id" DESC);
CREATE INDEX "alert_event_fired_idx" ON "alert_event" ("fired_at" DESC, "id" DESC);

-- A webhook admins add; its signing secret is encrypted like AccessKey secrets (never stored plain).
CREATE TABLE "notification_channel" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "secret_encrypted" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    -- kept by the delivery worker: failures in a row (shown as failing from 3) and the last answer
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "last_delivery_at" TIMESTAMP(3),
    "last_error" TEXT,
    CONSTRAINT "notification_channel_name_key" UNIQUE ("name"),
    CONSTRAINT "notification_channel_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 64 AND "name" = btrim("name")),
    CONSTRAINT "notification_channel_url_check" CHECK (length("url") <= 2048 AND "url" ~ '^https?://[^\s/?#@]+([/?#][^\s]*)?$'),
    CONSTRAINT "notification_channel_format_check" CHECK ("format" IN ('json', 'dingtalk', 'slack')),
    CONSTRAINT "notification_channel_failures_check" CHECK ("consecutive_failures" >= 0),
    CONSTRAINT "notification_channel_last_error_check" CHECK ("last_error" IS NULL OR length("last_error") <= 300)
);

-- One delivery of one alert transition to one channel, with its attempts; unique, so a transition
-- is queued once per channel whoever queues it.
CREATE TABLE "notification_delivery" (
    "id" BIGSERIAL PRIMARY KEY,
    -- null for a channel's test message
    "event_id" BIGINT REFERENCES "alert_event"("id") ON DELETE CASCADE,
    "channel_id" TEXT NOT NULL REFERENCES "notification_channel"("id") ON DELETE CASCADE,
    "transition" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_http_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_delivery_transition_check" CHECK ("transition" IN ('firing', 'resolved', 'test')),
    CONSTRAINT "notification_delivery_event_check" CHECK (("transition" = 'test') = ("event_id" IS NULL)),
    CONSTRAINT "notification_delivery_status_check" CHECK ("status" IN ('pending', 'sending', 'ok', 'failed')),
    CONSTRAINT "notification_delivery_attempts_check" CHECK ("attempts" BETWEEN 0 AND 10),
    CONSTRAINT "notification_delivery_last_error_check" CHECK ("last_error" IS NULL OR length("last_error") <= 300)
);
CREATE UNIQUE INDEX "notification_delivery_once_key" ON "notification_delivery" ("event_id", "channel_id", "transition") WHERE "event_id" IS NOT NULL;
CREATE INDEX "notification_delivery_due_idx" ON "notification_delivery" ("next_attempt_at") WHERE "status" = 'pending';
CREATE INDEX "notification_delivery_channel_idx" ON "notification_delivery" ("channel_id", "id" DESC);

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'changeLanguage', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest', 'configureInstanceAlert', 'alertFired', 'alertResolved', 'createNotificationChannel', 'deleteNotificationChannel', 'testNotificationChannel'));
