-- Scale: lists that cost the same at 100,000 tasks per region as at 1,000, and an audit log that
-- stays fast at 1,000,000 records (lib/data/tasks.ts, lib/data/audit.ts).

-- Substring search by id or name through trigram indexes. PostgreSQL ships pg_trgm in contrib;
-- PGlite loads it as an extension (lib/db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The task list's sorts, tie-breaker included: newest first is (created_at DESC, id DESC) and
-- oldest first (created_at ASC, id ASC), one index read in either direction, and a page after a
-- given row is a range of it (keyset pagination).
DROP INDEX "instance_region_id_created_at_idx";
CREATE INDEX "instance_region_id_created_at_id_idx" ON "instance" ("region_id", "created_at", "id");
-- The same with the status filter.
CREATE INDEX "instance_region_id_status_created_at_id_idx" ON "instance" ("region_id", "status", "created_at", "id");
-- Search: ids are lowercase (instance_id_check), so `id LIKE` and `name ILIKE` both use these.
CREATE INDEX "instance_id_trgm_idx" ON "instance" USING gin ("id" gin_trgm_ops);
CREATE INDEX "instance_name_trgm_idx" ON "instance" USING gin ("name" gin_trgm_ops);

-- Tasks per region and status, kept by triggers: the region menu on every page and the task
-- list's page count read these few rows instead of counting the instance table.
CREATE TABLE "region_task_count" (
    "region_id"  TEXT NOT NULL,
    "status"     "InstanceStatus" NOT NULL,
    "task_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "region_task_count_pkey" PRIMARY KEY ("region_id", "status"),
    CONSTRAINT "region_task_count_task_count_check" CHECK ("task_count" >= 0)
);

ALTER TABLE "region_task_count" ADD CONSTRAINT "region_task_count_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "region_task_count" ("region_id", "status", "task_count")
SELECT "region_id", "status", count(*) FROM "instance" GROUP BY "region_id", "status";

-- Inserts and deletes are counted once per statement (a bulk load of 100,000 tasks updates a few
-- counter rows, not 100,000 times one row).
CREATE FUNCTION "instance_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "region_task_count" ("region_id", "status", "task_count")
    SELECT "region_id", "status", count(*) FROM "inserted_instances" GROUP BY "region_id", "status"
    ON CONFLICT ("region_id", "status") DO UPDATE
        SET "task_count" = "region_task_count"."task_count" + EXCLUDED."task_count";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "instance_count_inserted"
    AFTER INSERT ON "instance"
    REFERENCING NEW TABLE AS "inserted_instances"
    FOR EACH STATEMENT EXECUTE FUNCTION "instance_count_inserted"();

CREATE FUNCTION "instance_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "region_task_count" AS c
       SET "task_count" = c."task_count" - d."n"
      FROM (SELECT "region_id", "status", count(*) AS "n" FROM "deleted_instances" GROUP BY "region_id", "status") AS d
     WHERE c."region_id" = d."region_id" AND c."status" = d."status";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "instance_count_deleted"
    AFTER DELETE ON "instance"
    REFERENCING OLD TABLE AS "deleted_instances"
    FOR EACH STATEMENT EXECUTE FUNCTION "instance_count_deleted"();

-- A status or region change moves the task from one counter to another. Row-level and limited to
-- those columns, so the consumer group counter's updates of the instance row cost nothing here.
CREATE FUNCTION "instance_count_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "region_task_count" SET "task_count" = "task_count" - 1
     WHERE "region_id" = OLD."region_id" AND "status" = OLD."status";
    INSERT INTO "region_task_count" ("region_id", "status", "task_count") VALUES (NEW."region_id", NEW."status", 1)
    ON CONFLICT ("region_id", "status") DO UPDATE SET "task_count" = "region_task_count"."task_count" + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "instance_count_moved"
    AFTER UPDATE OF "region_id", "status" ON "instance"
    FOR EACH ROW
    WHEN (OLD."region_id" IS DISTINCT FROM NEW."region_id" OR OLD."status" IS DISTINCT FROM NEW."status")
    EXECUTE FUNCTION "instance_count_moved"();

CREATE FUNCTION "instance_count_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "region_task_count";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "instance_count_truncated"
    AFTER TRUNCATE ON "instance"
    FOR EACH STATEMENT EXECUTE FUNCTION "instance_count_truncated"();

-- The audit log, newest first with the id as tie-breaker (the first index read backwards), and
-- its filters: an action, or one instance, in the same order; the days as a range of the first
-- index; a user by substring through a trigram index.
DROP INDEX "audit_log_at_idx";
DROP INDEX "audit_log_instance_id_at_idx";
CREATE INDEX "audit_log_at_id_idx" ON "audit_log" ("at", "id");
CREATE INDEX "audit_log_action_at_id_idx" ON "audit_log" ("action", "at", "id");
CREATE INDEX "audit_log_instance_id_at_id_idx" ON "audit_log" ("instance_id", "at", "id");
CREATE INDEX "audit_log_username_trgm_idx" ON "audit_log" USING gin ("username" gin_trgm_ops);
