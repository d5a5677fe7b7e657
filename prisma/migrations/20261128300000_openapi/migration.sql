-- The DTS OpenAPI and AccessKeys (docs/rules.md "OpenAPI", "AccessKeys"): each user holds at most
-- two AccessKeys whose secrets are stored only encrypted; a signature's nonce is accepted once; the
-- audit trail says whether a change came from the console or the API, and with which AccessKey.

CREATE TYPE "AccessKeyStatus" AS ENUM ('Active', 'Inactive');

-- The quota: a counter on the user, kept only by the triggers below and guarded by a CHECK, so two
-- concurrent creates cannot pass it (the second waits for the first's row lock, then fails).
ALTER TABLE "app_user" ADD COLUMN "access_key_count" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_access_key_count_check" CHECK ("access_key_count" >= 0 AND "access_key_count" <= 2);

CREATE TABLE "access_key" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "status" "AccessKeyStatus" NOT NULL DEFAULT 'Active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "last_used_ip" TEXT,

    CONSTRAINT "access_key_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "access_key_id_check" CHECK ("id" ~ '^LTAI[A-Za-z0-9]{20}$'),
    -- AES-256-GCM output (lib/auth/access-key-crypto.ts): a secret in plain text cannot be stored.
    CONSTRAINT "access_key_secret_ciphertext_check" CHECK ("secret_ciphertext" ~ '^v1:[A-Za-z0-9_-]{40,255}$'),
    CONSTRAINT "access_key_last_used_ip_check" CHECK (char_length(coalesce("last_used_ip", '')) <= 64)
);

CREATE INDEX "access_key_user_id_idx" ON "access_key"("user_id");

ALTER TABLE "access_key" ADD CONSTRAINT "access_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "access_key_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "app_user" SET "access_key_count" = "access_key_count" + 1 WHERE "id" = NEW."user_id";
    RETURN NULL;
END;
$$;

CREATE FUNCTION "access_key_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- When the user itself is being deleted (ON DELETE CASCADE) there is no row left to update.
    UPDATE "app_user" SET "access_key_count" = "access_key_count" - 1 WHERE "id" = OLD."user_id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "access_key_count_insert" AFTER INSERT ON "access_key"
    FOR EACH ROW EXECUTE FUNCTION "access_key_count_insert"();
CREATE TRIGGER "access_key_count_delete" AFTER DELETE ON "access_key"
    FOR EACH ROW EXECUTE FUNCTION "access_key_count_delete"();

-- An AccessKey changes owner never: moving it would slip past the quota.
CREATE FUNCTION "access_key_owner_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_key_owner_check: an AccessKey keeps its owner'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'access_key_owner_check';
END;
$$;

CREATE TRIGGER "access_key_owner_fixed" BEFORE UPDATE OF "user_id" ON "access_key"
    FOR EACH ROW WHEN (NEW."user_id" IS DISTINCT FROM OLD."user_id") EXECUTE FUNCTION "access_key_owner_fixed"();

-- Signature nonces seen, per AccessKey, until the request's timestamp leaves the 15-minute window.
-- The nonce is stored hashed (no request text in the table); the primary key is the "once" rule.
CREATE TABLE "api_nonce" (
    "access_key_id" TEXT NOT NULL,
    "nonce_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "api_nonce_pkey" PRIMARY KEY ("access_key_id", "nonce_hash"),
    CONSTRAINT "api_nonce_nonce_hash_check" CHECK ("nonce_hash" ~ '^[A-Za-z0-9_-]{43}$')
);

CREATE INDEX "api_nonce_expires_at_idx" ON "api_nonce"("expires_at");

ALTER TABLE "api_nonce" ADD CONSTRAINT "api_nonce_access_key_id_fkey" FOREIGN KEY ("access_key_id") REFERENCES "access_key"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail: the channel of a change (console or api) and the AccessKey an API call was
-- signed with (or claimed, for refusals: only when it has the shape of an id). The action list is
-- the whole current one (20261128400000_demo_motion's), so that this migration may run before or
-- after that one (a database migrated before this branch was merged runs it last) with the same result.
ALTER TABLE "audit_log" ADD COLUMN "channel" TEXT;
ALTER TABLE "audit_log" ADD COLUMN "access_key_id" TEXT;
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_channel_check" CHECK (
    ("channel" IS NULL OR "channel" IN ('console', 'api'))
    AND ("access_key_id" IS NULL OR "access_key_id" ~ '^[A-Za-z0-9]{1,64}$')
);

ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest'));
