import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connect, type Connection } from "../../lib/db/connect";
import { mapDbError } from "../../lib/db/errors";
import { hashPassword } from "../../lib/auth/password";
import { AUDIT_ACTIONS } from "../../lib/audit";
import { ACCESS_KEY_ID_PATTERN, ACCESS_KEY_QUOTA } from "../../lib/validation/access-key";
import { ACCOUNT_PATTERN, CONSUMER_GROUP_QUOTA, DTS_ID_PATTERN, NAME_MAX } from "../../lib/validation/consumer-group";
import { BIDI_CONTROLS, CONTROL_CHARS, VISIBLE_CHAR } from "../../lib/validation/text";
import { TIME_ZONE_MAX, TIME_ZONE_PATTERN } from "../../lib/validation/preferences";
import { bracketOf, rangesOf } from "../../scripts/generate-visible-ranges";

// Each rule's constant is written once in TypeScript and once in the migrations; these tests read
// the rules back from the database and compare, so the two cannot drift apart.
let c: Connection;
before(async () => {
  c = await connect({ dataDir: "memory://" });
});
after(async () => {
  await c.close();
});

const checkOf = async (name: string) => {
  const { rows } = await c.sql.query<{ def: string }>(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`, [
    name,
  ]);
  assert.equal(rows.length, 1, `constraint ${name} exists`);
  return rows[0].def;
};
/** A JS character class body as the migration writes it: \\uXXXX escapes. */
const sqlClass = (chars: string) =>
  chars.replace(/[\u0000-\uffff]/g, (ch) =>
    /[A-Za-z0-9-]/.test(ch) ? ch : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );

describe("rule constants match the database", () => {
  it("the consumer group quota", async () => {
    assert.match(await checkOf("instance_consumer_group_count_check"), new RegExp(`consumer_group_count <= ${CONSUMER_GROUP_QUOTA}\\)`));
  });
  it("the account pattern", async () => {
    assert.ok((await checkOf("consumer_group_username_check")).includes(`'${ACCOUNT_PATTERN.source}'`));
  });
  it("the id pattern of instances and consumer groups", async () => {
    assert.ok((await checkOf("instance_id_check")).includes(`'${DTS_ID_PATTERN.source}'`));
    assert.ok((await checkOf("consumer_group_id_check")).includes(`'${DTS_ID_PATTERN.source}'`));
  });
  it("the name length", async () => {
    assert.match(await checkOf("consumer_group_name_check"), new RegExp(`char_length\\(name\\) <= ${NAME_MAX}\\)`));
  });
  it("the name's character classes (control, bidi, visible)", async () => {
    const def = await checkOf("consumer_group_name_text_check");
    // NUL cannot be stored in PostgreSQL text at all, so the CHECK starts at U+0001.
    assert.ok(def.includes(`[${sqlClass(CONTROL_CHARS).replace("\\u0000", "\\u0001")}]`), def);
    assert.ok(def.includes(`[${sqlClass(BIDI_CONTROLS)}]`), def);
    // The visible characters, decided by Unicode properties in TypeScript, are code point ranges
    // in SQL (scripts/generate-visible-ranges.ts); test/data/visible-names.test.ts walks every one.
    assert.ok(def.includes(`(name ~ '${bracketOf(rangesOf(VISIBLE_CHAR))}'::text)`), "the CHECK's visible ranges are VISIBLE_CHAR's");
    assert.match(def, /IS NFC NORMALIZED/);
  });
  it("the time zone pattern and length", async () => {
    const def = await checkOf("app_user_time_zone_check");
    assert.ok(def.includes(`'${TIME_ZONE_PATTERN.source.replace(/\\\//g, "/")}'`), def);
    assert.ok(def.includes(`<= ${TIME_ZONE_MAX}`), def);
  });
  it("the AccessKey quota per user", async () => {
    assert.match(await checkOf("app_user_access_key_count_check"), new RegExp(`access_key_count <= ${ACCESS_KEY_QUOTA}\\)`));
  });
  it("the AccessKey ID pattern", async () => {
    assert.ok((await checkOf("access_key_id_check")).includes(`'${ACCESS_KEY_ID_PATTERN.source}'`));
  });
  it("the audit actions", async () => {
    const def = await checkOf("audit_log_action_check");
    const listed = [...def.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(listed, [...AUDIT_ACTIONS].sort());
  });
});

describe("database refusals map by SQLSTATE and constraint name", () => {
  let hash = "";
  let n = 0;
  const instance = async (status: string) => {
    const id = `dtsmap${String(++n).padStart(6, "0")}`;
    await c.sql.query(
      `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects, track_dml, track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
       VALUES ($1, 'm', 'cn-hangzhou', $2, 'RDS MySQL', 'rm-x', '[]', true, true, 'Subscription', 't', 'v', 'p', 'u')`,
      [id, status],
    );
    return id;
  };
  const create = (instanceId: string, over: { name?: string; account?: string } = {}) =>
    c.prisma.consumerGroup.create({
      data: {
        id: `dtsmapg${String(++n).padStart(6, "0")}`,
        instanceId,
        name: over.name ?? `g${n}`,
        account: over.account ?? "reader",
        passwordHash: hash,
      },
    });
  const refusalOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      return mapDbError(error);
    }
    assert.fail("expected the database to refuse");
  };
  before(async () => {
    hash = await hashPassword("Mapping#1");
  });

  it("quota", async () => {
    const id = await instance("Normal");
    for (let i = 0; i < CONSUMER_GROUP_QUOTA; i++) await create(id);
    assert.equal((await refusalOf(create(id)))?.code, "QuotaExceeded.ConsumerGroup");
  });
  it("instance status (trigger)", async () => {
    assert.equal((await refusalOf(create(await instance("Abnormal"))))?.code, "OperationDenied.InstanceStatus");
  });
  it("unique name", async () => {
    const id = await instance("Normal");
    await create(id, { name: "twice" });
    assert.deepEqual(await refusalOf(create(id, { name: "twice" })), {
      code: "ConsumerGroup.AlreadyExists",
      field: "name",
      constraint: "consumer_group_instance_id_name_key",
    });
  });
  it("account pattern", async () => {
    assert.equal((await refusalOf(create(await instance("Normal"), { account: "bad-name" })))?.field, "account");
  });
  it("name text", async () => {
    assert.equal((await refusalOf(create(await instance("Normal"), { name: "\u202e" })))?.constraint, "consumer_group_name_text_check");
  });
  it("missing instance", async () => {
    assert.equal((await refusalOf(create("dtsnosuchinstance")))?.code, "NotFound");
  });
  it("AccessKey quota (a counter kept by triggers), and only ciphertext as a secret", async () => {
    const user = await c.prisma.user.create({
      data: { id: `u-keys-${++n}`, username: `keys${n}`, role: "viewer", passwordHash: hash },
      select: { id: true },
    });
    const key = (i: number) => `LTAI0000Mapping${String(n).padStart(4, "0")}0${i}`.padEnd(24, "0").slice(0, 24);
    const ciphertext = `v1:${"A".repeat(60)}`;
    for (const i of [1, 2]) await c.prisma.accessKey.create({ data: { id: key(i), userId: user.id, secretCiphertext: ciphertext } });
    assert.equal(
      (await refusalOf(c.prisma.accessKey.create({ data: { id: key(3), userId: user.id, secretCiphertext: ciphertext } })))?.code,
      "QuotaExceeded.AccessKey",
    );
    await c.prisma.accessKey.delete({ where: { id: key(1) } });
    await c.prisma.accessKey.create({ data: { id: key(3), userId: user.id, secretCiphertext: ciphertext } });
    await assert.rejects(
      c.prisma.accessKey.create({ data: { id: key(4), userId: `u-viewer-${n}`, secretCiphertext: "PlainTextSecret0123456789abcde" } }),
    );
    await assert.rejects(
      c.sql.query(`UPDATE access_key SET secret_ciphertext = 'PlainTextSecret0123456789abcde' WHERE id = $1`, [key(2)]),
      /access_key_secret_ciphertext_check/,
    );
    // Deleting the user takes its AccessKeys with it.
    await c.prisma.user.delete({ where: { id: user.id } });
    assert.equal(await c.prisma.accessKey.count({ where: { userId: user.id } }), 0);
  });
  it("anything else is not a product refusal", () => {
    assert.equal(mapDbError(new Error('violates check constraint "instance_consumer_group_count_check"')), null);
    assert.equal(mapDbError(null), null);
  });
});
