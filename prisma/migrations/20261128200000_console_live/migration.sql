-- The live console (docs/rules.md "Consumer history", "Preferences", "Audit"): a heartbeat history
-- for the Data Consume trend charts, a time zone per user, and the audit log's CSV export and
-- preference changes as audited actions.

-- One sample per consumer group per 10-second slot, written by the heartbeat that reported the
-- progress (the first of the slot wins). "at" is the slot's start, so the primary key is the rule:
-- a second sample in the same 10 s is refused. The key (group_id, at) also serves the chart query
-- (one group, the last hour, in time order) and the per-row sparklines of an instance.
CREATE TABLE "heartbeat_history" (
    "group_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "checkpoint_at" TIMESTAMP(3),
    "message_delay_seconds" INTEGER,
    "unconsumed_records" INTEGER,

    CONSTRAINT "heartbeat_history_pkey" PRIMARY KEY ("group_id", "at"),
    CONSTRAINT "heartbeat_history_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "consumer_group"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "heartbeat_history_slot_check" CHECK (date_trunc('second', "at") = "at" AND CAST(EXTRACT(SECOND FROM "at") AS INTEGER) % 10 = 0),
    CONSTRAINT "heartbeat_history_values_check" CHECK (coalesce("message_delay_seconds", 0) >= 0 AND coalesce("unconsumed_records", 0) >= 0)
);

-- Samples older than 24 hours are pruned by the heartbeats themselves: this index keeps that cheap.
CREATE INDEX "heartbeat_history_at_idx" ON "heartbeat_history"("at");

-- Times are shown in UTC or in the zone of the user's browser, remembered per user: 'UTC' or an
-- IANA zone name (lib/validation/preferences.ts TIME_ZONE_PATTERN).
ALTER TABLE "app_user" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_time_zone_check" CHECK (char_length("time_zone") <= 64 AND "time_zone" ~ '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$');

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer'));
