-- Throttling as admission (docs/rules.md "Throttling"): an attempt is counted before its password
-- is verified, in the same statement that decides whether it may go on, so a burst of concurrent
-- attempts cannot all pass a check made before any of them was counted. A success gives its own
-- attempt back (lib/throttle.ts settles it). `failures` now counts attempts not yet proven good.
--
-- The account's slow-down is a shared budget: `next_allowed_at` is the earliest moment the next
-- attempt on the account may be verified, moved forward by each attempt, so parallel requests
-- queue one behind another instead of each sleeping side by side.
ALTER TABLE "auth_failure" ADD COLUMN "next_allowed_at" TIMESTAMP(3);

-- Counts one attempt on a key that can block (the pair, the client): a new window when the last
-- one has passed, and a block of p_block_ms once the count reaches p_limit (NULL: never blocks).
CREATE FUNCTION "throttle_count"(p_key TEXT, p_now TIMESTAMP(3), p_limit INTEGER, p_window_ms INTEGER, p_block_ms INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    ms CONSTANT INTERVAL := INTERVAL '1 millisecond';
BEGIN
    UPDATE "auth_failure" SET
        "failures" = CASE WHEN "window_start" < p_now - p_window_ms * ms THEN 1 ELSE "failures" + 1 END,
        "window_start" = CASE WHEN "window_start" < p_now - p_window_ms * ms THEN p_now ELSE "window_start" END,
        "blocked_until" = CASE
            WHEN p_limit IS NOT NULL
                 AND (CASE WHEN "window_start" < p_now - p_window_ms * ms THEN 1 ELSE "failures" + 1 END) >= p_limit
            THEN p_now + p_block_ms * ms ELSE "blocked_until" END
     WHERE "key" = p_key;
END;
$$;

-- Admits or refuses one attempt on three keys: the pair (account and client), the client, the
-- account. The rows are locked in that order by every caller, so two attempts never wait on each
-- other in a cycle. retry_after_ms > 0: refused, nothing counted. Otherwise admitted and counted;
-- wait_ms is how long until its slot of the account's budget.
CREATE FUNCTION "throttle_admit"(
    p_pair TEXT, p_client TEXT, p_account TEXT, p_now TIMESTAMP(3),
    p_pair_limit INTEGER, p_pair_window_ms INTEGER, p_pair_block_ms INTEGER,
    p_client_limit INTEGER, p_client_window_ms INTEGER, p_client_block_ms INTEGER,
    p_account_after INTEGER, p_account_window_ms INTEGER, p_account_max_delay_ms INTEGER, p_max_wait_ms INTEGER,
    OUT retry_after_ms INTEGER, OUT wait_ms INTEGER
) LANGUAGE plpgsql AS $$
DECLARE
    pair_row "auth_failure";
    client_row "auth_failure";
    account_row "auth_failure";
    slot TIMESTAMP(3);
    next_slot TIMESTAMP(3);
    ms CONSTANT INTERVAL := INTERVAL '1 millisecond';
BEGIN
    retry_after_ms := 0;
    wait_ms := 0;
    INSERT INTO "auth_failure" ("key", "failures", "window_start") VALUES (p_pair, 0, p_now) ON CONFLICT ("key") DO NOTHING;
    INSERT INTO "auth_failure" ("key", "failures", "window_start") VALUES (p_client, 0, p_now) ON CONFLICT ("key") DO NOTHING;
    INSERT INTO "auth_failure" ("key", "failures", "window_start") VALUES (p_account, 0, p_now) ON CONFLICT ("key") DO NOTHING;
    SELECT * INTO pair_row FROM "auth_failure" WHERE "key" = p_pair FOR UPDATE;
    SELECT * INTO client_row FROM "auth_failure" WHERE "key" = p_client FOR UPDATE;

    -- A blocked pair or client is refused without being counted: a refusal verifies nothing.
    retry_after_ms := GREATEST(
        0,
        COALESCE(CEIL(EXTRACT(EPOCH FROM (pair_row."blocked_until" - p_now)) * 1000), 0),
        COALESCE(CEIL(EXTRACT(EPOCH FROM (client_row."blocked_until" - p_now)) * 1000), 0)
    )::INTEGER;
    IF retry_after_ms > 0 THEN
        RETURN;
    END IF;

    SELECT * INTO account_row FROM "auth_failure" WHERE "key" = p_account FOR UPDATE;
    next_slot := account_row."next_allowed_at";
    IF account_row."window_start" >= p_now - p_account_window_ms * ms AND account_row."failures" >= p_account_after THEN
        slot := GREATEST(p_now, COALESCE(account_row."next_allowed_at", p_now));
        wait_ms := CEIL(EXTRACT(EPOCH FROM (slot - p_now)) * 1000)::INTEGER;
        IF wait_ms > p_max_wait_ms THEN
            -- The account's budget is spent for longer than anyone should wait: say when to come back.
            retry_after_ms := wait_ms;
            wait_ms := 0;
            RETURN;
        END IF;
        next_slot := slot + LEAST(p_account_max_delay_ms, 250 * POWER(2, LEAST(account_row."failures" - p_account_after, 10)))::INTEGER * ms;
    END IF;

    PERFORM "throttle_count"(p_pair, p_now, p_pair_limit, p_pair_window_ms, p_pair_block_ms);
    PERFORM "throttle_count"(p_client, p_now, p_client_limit, p_client_window_ms, p_client_block_ms);
    UPDATE "auth_failure" SET
        "failures" = CASE WHEN "window_start" < p_now - p_account_window_ms * ms THEN 1 ELSE "failures" + 1 END,
        "window_start" = CASE WHEN "window_start" < p_now - p_account_window_ms * ms THEN p_now ELSE "window_start" END,
        "next_allowed_at" = next_slot
     WHERE "key" = p_account;
END;
$$;

-- A proven attempt (the right password, a valid signature) is given back: the pair forgets this
-- client's attempts on this account, and the client and the account each lose the one attempt.
-- Nothing else is cleared: not the client's attempts on other accounts, nor others' on this one.
CREATE FUNCTION "throttle_settle"(p_pair TEXT, p_client TEXT, p_account TEXT, p_client_limit INTEGER) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "auth_failure" WHERE "key" = p_pair;
    UPDATE "auth_failure" SET
        "failures" = GREATEST("failures" - 1, 0),
        "blocked_until" = CASE WHEN p_client_limit IS NOT NULL AND "failures" - 1 < p_client_limit THEN NULL ELSE "blocked_until" END
     WHERE "key" = p_client;
    UPDATE "auth_failure" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = p_account;
END;
$$;
