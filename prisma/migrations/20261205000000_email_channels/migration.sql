-- E-mail channels (docs/rules.md "Alert delivery"): a channel is a webhook (a URL and a signing
-- secret) or an e-mail channel (its recipients; the SMTP server comes from the environment).
ALTER TABLE "notification_channel" ADD COLUMN "recipients" TEXT;
ALTER TABLE "notification_channel" ALTER COLUMN "url" DROP NOT NULL;
ALTER TABLE "notification_channel" ALTER COLUMN "secret_encrypted" DROP NOT NULL;

ALTER TABLE "notification_channel" DROP CONSTRAINT "notification_channel_format_check";
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_format_check" CHECK ("format" IN ('json', 'dingtalk', 'slack', 'email'));
-- A webhook has a URL and a secret and no recipients; an e-mail channel the other way round.
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_kind_check" CHECK (
    CASE WHEN "format" = 'email'
         THEN "url" IS NULL AND "secret_encrypted" IS NULL AND "recipients" IS NOT NULL
         ELSE "url" IS NOT NULL AND "secret_encrypted" IS NOT NULL AND "recipients" IS NULL END);
-- 1 to 10 addresses, comma-separated, no spaces, each at most 254 characters.
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_recipients_check" CHECK (
    "recipients" IS NULL OR (
        length("recipients") <= 2549
        AND "recipients" ~ '^[^\s,@<>"]{1,64}@[^\s,@<>"]+\.[^\s,@<>".]+(,[^\s,@<>"]{1,64}@[^\s,@<>"]+\.[^\s,@<>".]+){0,9}$'));
