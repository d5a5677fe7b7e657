// Instances, groups and channels for the alert tests (test/alert-delivery, test/alert-email).
import type { connect } from "../../lib/db/connect";
import { encryptSecret } from "../../lib/auth/access-key-crypto";

type Connection = Pick<Awaited<ReturnType<typeof connect>>, "sql" | "prisma">;

let seq = 0;
export const id = (prefix = "dtsalrt") => `${prefix}${String(++seq).padStart(7, "0")}`;

export async function addInstance(c: Connection, status = "Normal") {
  const instanceId = id();
  await c.sql.query(
    `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects,
       track_dml, track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
     VALUES ($1, $2, 'cn-hangzhou', 'Normal', 'RDS MySQL', 'rm-bp1test', '[]', true, false, 'Subscription', 't', 'v:1', 'p:1', 'x:1')`,
    [instanceId, `alerts-${instanceId}`],
  );
  if (status !== "Normal") await c.sql.query(`UPDATE instance SET status = $2 WHERE id = $1`, [instanceId, status]);
  return instanceId;
}

/** A group with a live consumer this many seconds behind. */
export async function addConnectedGroup(c: Connection, instanceId: string, delay: number) {
  const groupId = id();
  await c.sql.query(`INSERT INTO consumer_group (id, instance_id, name, username, password_hash) VALUES ($1, $2, $3, 'reader', $4)`, [
    groupId,
    instanceId,
    `group-${groupId}`,
    // A hash's shape (the CHECK); nobody signs in with it here.
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
  ]);
  await c.sql.query(
    `INSERT INTO consumer_lease (group_id, client_id, connected_at, heartbeat_at, expires_at)
     VALUES ($1, 'test', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + interval '10 minutes')`,
    [groupId],
  );
  await setDelay(c, groupId, delay);
  return groupId;
}

export const setDelay = (c: Connection, groupId: string, delay: number) =>
  c.sql.query(`UPDATE consumer_group SET message_delay_seconds = $2, unconsumed_records = 10 WHERE id = $1`, [groupId, delay]);

export async function configure(c: Connection, instanceId: string, settings: { delay?: number; error?: boolean }) {
  await c.sql.query(
    `INSERT INTO instance_alert (instance_id, delay_alert, delay_over_seconds, error_alert, updated_by) VALUES ($1, $2, $3, $4, 'admin')
     ON CONFLICT (instance_id) DO UPDATE SET delay_alert = EXCLUDED.delay_alert, delay_over_seconds = EXCLUDED.delay_over_seconds, error_alert = EXCLUDED.error_alert`,
    [instanceId, settings.delay !== undefined, settings.delay ?? null, settings.error ?? false],
  );
}

export const SECRET = "whsec_test_0123456789";
export async function addChannel(c: Connection, url: string, format = "json") {
  const channelId = id("ch");
  await c.prisma.notificationChannel.create({
    data: { id: channelId, name: `hook ${channelId}`, url, format, secretEncrypted: encryptSecret(SECRET, channelId), createdBy: "admin" },
  });
  return channelId;
}
