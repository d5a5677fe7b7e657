-- A demo that moves (docs/rules.md "Consumption checkpoint"): a consumer group's checkpoint can be
-- reset to a point of its instance's data range while no consumer is connected; the next consumer
-- is told to start there.

-- Where the next consumer starts, set by a checkpoint reset and cleared when a consumer connects.
ALTER TABLE "consumer_group" ADD COLUMN "start_checkpoint_at" TIMESTAMP(3);

-- The reset point lies within the instance's data range: the database refuses anything else,
-- whatever the client. The trigger takes the instance row's share lock, so the range it checks is
-- the one committed.
CREATE FUNCTION "consumer_group_checkpoint_in_range"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    range_begin TIMESTAMP(3);
    range_end TIMESTAMP(3);
BEGIN
    IF NEW."start_checkpoint_at" IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT "data_begin_at", "data_end_at" INTO range_begin, range_end FROM "instance" WHERE "id" = NEW."instance_id" FOR SHARE;
    IF range_begin IS NULL OR range_end IS NULL OR NEW."start_checkpoint_at" < range_begin OR NEW."start_checkpoint_at" > range_end THEN
        RAISE EXCEPTION 'consumer_group_checkpoint_range_check: % is outside the data range of instance %', NEW."start_checkpoint_at", NEW."instance_id"
            USING ERRCODE = 'check_violation', CONSTRAINT = 'consumer_group_checkpoint_range_check';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "consumer_group_checkpoint_in_range"
    BEFORE INSERT OR UPDATE OF "start_checkpoint_at" ON "consumer_group"
    FOR EACH ROW EXECUTE FUNCTION "consumer_group_checkpoint_in_range"();

-- Every action the console records, the checkpoint reset included.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest'));
