-- Languages (docs/rules.md "Languages"): the console's language chosen by a signed-in user, or NULL
-- while they have not chosen (the cookie, then the browser's Accept-Language decide).
ALTER TABLE "app_user" ADD COLUMN "locale" TEXT;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IS NULL OR "locale" IN ('en', 'zh-CN'));

-- The language switch is audited like the time zone switch.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_action_check";
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_check" CHECK ("action" IN ('signIn', 'signOut', 'createConsumerGroup', 'changeConsumerGroupPassword', 'resetConsumerGroupPassword', 'resetConsumerGroupCheckpoint', 'deleteConsumerGroup', 'readAuditLog', 'exportAuditLog', 'changeTimeZone', 'changeLanguage', 'connectConsumer', 'heartbeatConsumer', 'disconnectConsumer', 'createAccessKey', 'disableAccessKey', 'enableAccessKey', 'deleteAccessKey', 'openApiRequest'));
