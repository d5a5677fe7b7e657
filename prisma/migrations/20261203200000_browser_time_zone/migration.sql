-- Times in the browser's zone by default (docs/rules.md "Preferences"): NULL is "the zone of the
-- user's browser"; 'UTC' or an IANA zone is a choice made in the user menu. The CHECK on the column
-- stays as it is (a NULL passes it).
ALTER TABLE "app_user" ALTER COLUMN "time_zone" DROP NOT NULL;
ALTER TABLE "app_user" ALTER COLUMN "time_zone" DROP DEFAULT;

-- 'UTC' was the default until now: whoever never chose a zone (no changeTimeZone in the audit log)
-- follows the browser from now on; a choice that was made stays.
UPDATE "app_user" u SET "time_zone" = NULL
 WHERE u."time_zone" = 'UTC'
   AND NOT EXISTS (
     SELECT 1 FROM "audit_log" a
      WHERE a."username" = u."username" AND a."action" = 'changeTimeZone' AND a."result" = 'ok'
   );
