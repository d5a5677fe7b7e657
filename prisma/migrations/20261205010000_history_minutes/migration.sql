-- Seven days of consumer history (docs/rules.md "Consumer history"): heartbeat samples are kept
-- 24 hours at one per 10 seconds; as they age out, each minute's samples are averaged into one
-- row here, kept 7 days. Both tables stay bounded per group (8,640 + 10,080 rows at most).
CREATE TABLE "heartbeat_minute" (
    "group_id" TEXT NOT NULL REFERENCES "consumer_group"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- the minute's start
    "at" TIMESTAMP(3) NOT NULL,
    -- the minute's averages, rounded; null when no sample of the minute had one
    "message_delay_seconds" INTEGER,
    "unconsumed_records" INTEGER,
    CONSTRAINT "heartbeat_minute_pkey" PRIMARY KEY ("group_id", "at"),
    CONSTRAINT "heartbeat_minute_at_check" CHECK (date_trunc('minute', "at") = "at"),
    CONSTRAINT "heartbeat_minute_values_check" CHECK (coalesce("message_delay_seconds", 0) >= 0 AND coalesce("unconsumed_records", 0) >= 0)
);
CREATE INDEX "heartbeat_minute_at_idx" ON "heartbeat_minute" ("at");
