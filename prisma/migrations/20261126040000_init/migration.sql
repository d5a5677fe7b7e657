-- DTS Console: initial schema. Written by hand (no schema engine on the build machine) in the
-- shape Prisma Migrate produces, plus the CHECK constraints and triggers that make the database
-- the last word on every product rule.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'operator', 'admin');

-- CreateEnum
CREATE TYPE "InstanceStatus" AS ENUM ('NotStarted', 'Prechecking', 'PrecheckFailed', 'Starting', 'Normal', 'Abnormal', 'Retrying', 'Upgrade', 'Locked', 'Downgrade');

-- CreateEnum
CREATE TYPE "BillingMethod" AS ENUM ('Subscription', 'PayAsYouGo');

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "app_user_username_check" CHECK ("username" ~ '^[A-Za-z0-9_.-]{1,64}$'),
    CONSTRAINT "app_user_password_hash_check" CHECK ("password_hash" LIKE '$argon2id$%')
);

-- CreateTable
CREATE TABLE "region" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_id" TEXT NOT NULL,
    "status" "InstanceStatus" NOT NULL,
    "source_type" TEXT NOT NULL,
    "source_instance_id" TEXT NOT NULL,
    "tracked_objects" JSONB NOT NULL,
    "track_dml" BOOLEAN NOT NULL,
    "track_ddl" BOOLEAN NOT NULL,
    "billing_method" "BillingMethod" NOT NULL,
    "data_begin_at" TIMESTAMP(3),
    "data_end_at" TIMESTAMP(3),
    "checkpoint_at" TIMESTAMP(3),
    "topic" TEXT NOT NULL,
    "vpc_endpoint" TEXT NOT NULL,
    "private_endpoint" TEXT NOT NULL,
    "public_endpoint" TEXT NOT NULL,
    "consumer_group_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "instance_id_check" CHECK ("id" ~ '^dts[a-z0-9]{6,29}$'),
    CONSTRAINT "instance_name_check" CHECK (char_length("name") BETWEEN 1 AND 128),
    CONSTRAINT "instance_data_range_check" CHECK ("data_begin_at" IS NULL OR "data_end_at" IS NULL OR "data_begin_at" <= "data_end_at"),
    -- At most 20 consumer groups per change tracking instance (DTS quota).
    CONSTRAINT "instance_consumer_group_count_check" CHECK ("consumer_group_count" BETWEEN 0 AND 20)
);

-- CreateTable
CREATE TABLE "consumer_group" (
    "id" TEXT NOT NULL,
    "instance_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "checkpoint_at" TIMESTAMP(3),
    "message_delay_seconds" INTEGER,
    "unconsumed_records" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consumer_group_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "consumer_group_id_check" CHECK ("id" ~ '^dts[a-z0-9]{6,29}$'),
    CONSTRAINT "consumer_group_name_check" CHECK (char_length("name") BETWEEN 1 AND 128 AND btrim("name") <> ''),
    CONSTRAINT "consumer_group_username_check" CHECK ("username" ~ '^[A-Za-z0-9_]{1,16}$'),
    -- Only a slow hash is ever stored: an argon2id PHC string, never a plain password.
    CONSTRAINT "consumer_group_password_hash_check" CHECK ("password_hash" ~ '^\$argon2id\$v=19\$m=[0-9]+,t=[0-9]+,p=[0-9]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$'),
    CONSTRAINT "consumer_group_delay_check" CHECK ("message_delay_seconds" IS NULL OR "message_delay_seconds" >= 0),
    CONSTRAINT "consumer_group_unconsumed_check" CHECK ("unconsumed_records" IS NULL OR "unconsumed_records" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "instance_region_id_created_at_idx" ON "instance"("region_id", "created_at");

-- CreateIndex
CREATE INDEX "consumer_group_instance_id_created_at_idx" ON "consumer_group"("instance_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "consumer_group_instance_id_name_key" ON "consumer_group"("instance_id", "name");

-- AddForeignKey
ALTER TABLE "instance" ADD CONSTRAINT "instance_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consumer_group" ADD CONSTRAINT "consumer_group_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The consumer group counter belongs to the triggers below: a new instance starts at 0 and no
-- statement outside them may change it, so the CHECK above always counts real rows.
CREATE FUNCTION "instance_guard_consumer_group_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW."consumer_group_count" := 0;
    ELSIF NEW."consumer_group_count" IS DISTINCT FROM OLD."consumer_group_count" AND pg_trigger_depth() < 2 THEN
        RAISE EXCEPTION 'consumer_group_count of instance % is maintained by the database', OLD."id"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'instance_consumer_group_count_check';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "instance_guard_consumer_group_count"
    BEFORE INSERT OR UPDATE ON "instance"
    FOR EACH ROW EXECUTE FUNCTION "instance_guard_consumer_group_count"();

-- A group can be created only while its instance is Normal, and at most 20 per instance.
-- The UPDATE takes the instance row lock, so concurrent creates on one instance queue up here and
-- the CHECK on the counter refuses the 21st, whatever the isolation level or client.
CREATE FUNCTION "consumer_group_before_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    RAISE EXCEPTION 'OperationDenied.InstanceStatus: instance % is %, consumer groups can be created only while it is Normal', NEW."instance_id", current_status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'consumer_group_instance_status_check';
END;
$$;

CREATE TRIGGER "consumer_group_before_insert"
    BEFORE INSERT ON "consumer_group"
    FOR EACH ROW EXECUTE FUNCTION "consumer_group_before_insert"();

CREATE FUNCTION "consumer_group_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "instance"
       SET "consumer_group_count" = "consumer_group_count" - 1
     WHERE "id" = OLD."instance_id";
    RETURN OLD;
END;
$$;

CREATE TRIGGER "consumer_group_after_delete"
    AFTER DELETE ON "consumer_group"
    FOR EACH ROW EXECUTE FUNCTION "consumer_group_after_delete"();

-- A group never moves to another instance (its quota and checkpoint belong to the instance).
CREATE FUNCTION "consumer_group_freeze_instance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."instance_id" IS DISTINCT FROM OLD."instance_id" THEN
        RAISE EXCEPTION 'a consumer group cannot move to another instance'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'consumer_group_instance_fixed_check';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "consumer_group_freeze_instance"
    BEFORE UPDATE OF "instance_id" ON "consumer_group"
    FOR EACH ROW EXECUTE FUNCTION "consumer_group_freeze_instance"();

-- Regions are reference data (SPEC.md), in the order the region selector shows them.
INSERT INTO "region" ("id", "name", "area", "sort_order") VALUES
    ('cn-hangzhou', 'China (Hangzhou)', 'China', 1),
    ('cn-shanghai', 'China (Shanghai)', 'China', 2),
    ('cn-qingdao', 'China (Qingdao)', 'China', 3),
    ('cn-beijing', 'China (Beijing)', 'China', 4),
    ('cn-zhangjiakou', 'China (Zhangjiakou)', 'China', 5),
    ('cn-huhehaote', 'China (Hohhot)', 'China', 6),
    ('cn-wulanchabu', 'China (Ulanqab)', 'China', 7),
    ('cn-shenzhen', 'China (Shenzhen)', 'China', 8),
    ('cn-heyuan', 'China (Heyuan)', 'China', 9),
    ('cn-guangzhou', 'China (Guangzhou)', 'China', 10),
    ('cn-chengdu', 'China (Chengdu)', 'China', 11),
    ('cn-hongkong', 'China (Hong Kong)', 'China', 12),
    ('ap-southeast-1', 'Singapore', 'Asia Pacific', 13),
    ('ap-southeast-3', 'Malaysia (Kuala Lumpur)', 'Asia Pacific', 14),
    ('ap-southeast-5', 'Indonesia (Jakarta)', 'Asia Pacific', 15),
    ('ap-southeast-6', 'Philippines (Manila)', 'Asia Pacific', 16),
    ('ap-southeast-7', 'Thailand (Bangkok)', 'Asia Pacific', 17),
    ('ap-northeast-1', 'Japan (Tokyo)', 'Asia Pacific', 18),
    ('ap-northeast-2', 'South Korea (Seoul)', 'Asia Pacific', 19),
    ('us-west-1', 'US (Silicon Valley)', 'Europe & Americas', 20),
    ('us-east-1', 'US (Virginia)', 'Europe & Americas', 21),
    ('eu-central-1', 'Germany (Frankfurt)', 'Europe & Americas', 22),
    ('eu-west-1', 'UK (London)', 'Europe & Americas', 23),
    ('me-central-1', 'SAU (Riyadh - Partner Region)', 'Middle East', 24),
    ('me-east-1', 'UAE (Dubai)', 'Middle East', 25);
