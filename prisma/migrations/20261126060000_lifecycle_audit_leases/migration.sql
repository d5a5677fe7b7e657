-- Consumer group lifecycle: audit trail, consumer leases (one consumer per group), throttling.

-- CreateEnum
CREATE TYPE "AuditResult" AS ENUM ('ok', 'refused');

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "username" TEXT NOT NULL,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "region_id" TEXT,
    "instance_id" TEXT,
    "group_id" TEXT,
    "result" "AuditResult" NOT NULL,
    "error_code" TEXT,
    "client_ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'deleteConsumerGroup', 'readAuditLog')),
    CONSTRAINT "audit_log_result_code_check" CHECK (("result" = 'ok') = ("error_code" IS NULL))
);

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_instance_id_at_idx" ON "audit_log"("instance_id", "at" DESC);

-- The audit trail is append-only: no statement may change or remove a record.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_log_append_only"
    BEFORE UPDATE OR DELETE ON "audit_log"
    FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

-- CreateTable: the live consumer of a group. The primary key is the "one consumer per group" rule.
CREATE TABLE "consumer_lease" (
    "group_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_ip" TEXT,
    "connected_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "consumer_lease_pkey" PRIMARY KEY ("group_id"),
    CONSTRAINT "consumer_lease_expiry_check" CHECK ("expires_at" > "connected_at")
);

-- AddForeignKey
ALTER TABLE "consumer_lease" ADD CONSTRAINT "consumer_lease_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "consumer_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable: failed attempts per key (an account or a client IP), for throttling.
CREATE TABLE "auth_failure" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blocked_until" TIMESTAMP(3),

    CONSTRAINT "auth_failure_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "auth_failure_failures_check" CHECK ("failures" >= 0)
);
