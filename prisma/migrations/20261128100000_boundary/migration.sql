-- The boundary (docs/rules.md "Names", "Sessions", "Audit"): names that display as what they are,
-- sessions the server can end, and an audit trail whose fields are bounded.

-- Consumer group names: NFC, no control or bidirectional formatting characters, and at least one
-- visible character. The character classes are lib/validation/text.ts's, compared by a test.
ALTER TABLE "consumer_group" ADD CONSTRAINT "consumer_group_name_text_check" CHECK (
    "name" IS NFC NORMALIZED
    AND "name" !~ '[\u0001-\u001F\u007F-\u009F]'
    AND "name" !~ '[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]'
    AND "name" ~ '[^[:space:]\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u2028-\u202F\u205F-\u206F\u2800\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0]'
);

-- Sessions: a token names the session version it was issued under. Changing a user's password or
-- role moves the version on, which ends every session issued before.
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;

CREATE FUNCTION "app_user_bump_session_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."password_hash" IS DISTINCT FROM OLD."password_hash" OR NEW."role" IS DISTINCT FROM OLD."role" THEN
        NEW."session_version" := OLD."session_version" + 1;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "app_user_bump_session_version"
    BEFORE UPDATE OF "password_hash", "role" ON "app_user"
    FOR EACH ROW EXECUTE FUNCTION "app_user_bump_session_version"();

-- Sessions ended by signing out, kept until the token would have expired anyway.
CREATE TABLE "revoked_session" (
    "session_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "revoked_session_pkey" PRIMARY KEY ("session_id"),
    CONSTRAINT "revoked_session_session_id_check" CHECK ("session_id" ~ '^[A-Za-z0-9_-]{16,64}$')
);

CREATE INDEX "revoked_session_expires_at_idx" ON "revoked_session"("expires_at");

-- The audit trail: consumer credential checks are recorded too, and every text field is bounded
-- (the application escapes control characters before it writes).
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'deleteConsumerGroup', 'readAuditLog', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer'));
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_text_check" CHECK (
    char_length("username") BETWEEN 1 AND 128
    AND char_length(coalesce("instance_id", '')) <= 64
    AND char_length(coalesce("group_id", '')) <= 64
    AND char_length(coalesce("error_code", '')) <= 64
    AND char_length(coalesce("client_ip", '')) <= 64
    AND "username" !~ '[\u0001-\u001F\u007F-\u009F]'
);

-- Throttle keys are built by the application from hashed parts: bounded and printable.
ALTER TABLE "auth_failure" ADD CONSTRAINT "auth_failure_key_check" CHECK ("key" ~ '^[a-z-]+:[a-z]+:[A-Za-z0-9:._|-]{1,160}$');

-- Trigger refusals start with the name of the rule they enforce, as a constraint violation does,
-- so the application recognises them by that name (lib/db/errors.ts), never by prose.
CREATE OR REPLACE FUNCTION "consumer_group_before_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_status "InstanceStatus";
BEGIN
    UPDATE "instance"
       SET "consumer_group_count" = "consumer_group_count" + 1
     WHERE "id" = NEW."instance_id" AND "status" = 'Normal';
    IF FOUND THEN
        RETURN NEW;
    END IF;
    SELECT "status" INTO current_status FROM "instance" WHERE "id" = NEW."instance_id";
    IF NOT FOUND THEN
        -- Let the foreign key report the missing instance.
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'consumer_group_instance_status_check: instance % is %, consumer groups can be created only while it is Normal', NEW."instance_id", current_status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'consumer_group_instance_status_check';
END;
$$;
