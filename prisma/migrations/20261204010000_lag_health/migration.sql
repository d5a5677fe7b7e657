-- Lag health (docs/rules.md "Lag health"): when a group's committed checkpoint last moved, kept by
-- the database whoever writes it, so that a consumer connected with a backlog and a checkpoint
-- standing still is seen as Stalled.
ALTER TABLE "consumer_group" ADD COLUMN "checkpoint_moved_at" TIMESTAMP(3);

CREATE FUNCTION "consumer_group_checkpoint_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."checkpoint_at" IS DISTINCT FROM OLD."checkpoint_at" THEN
    NEW."checkpoint_moved_at" := now() AT TIME ZONE 'UTC';
  ELSE
    -- Only this trigger moves it.
    NEW."checkpoint_moved_at" := OLD."checkpoint_moved_at";
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "consumer_group_checkpoint_moved"
  BEFORE UPDATE ON "consumer_group"
  FOR EACH ROW EXECUTE FUNCTION "consumer_group_checkpoint_moved"();
