import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { hashPassword } from "../../lib/auth/password";
import { connect, type Connection } from "../../lib/db/connect";
import { dbViolation } from "../../lib/db/errors";
import { applyMigrations, MIGRATIONS_DIR, readMigrations, type SqlRunner } from "../../lib/db/migrate";
import { consumerGroupNameSchema } from "../../lib/validation/consumer-group";
import { findPgBin, startPgServer } from "../pg-server";

// A consumer group name needs a visible character (docs/rules.md "Names"). The rule is written with
// Unicode properties in lib/validation/text.ts and as code point ranges in the CHECK
// consumer_group_name_text_check; here every code point goes through both and they must agree.

const MIGRATION = "20261203100000_visible_names";
const CHECK = "consumer_group_name_text_check";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

/** Names that display as nothing: each of these code points alone, and a few made of several. */
const INVISIBLE = {
  "TAG characters": range(0xe0000, 0xe007f),
  "musical formatting controls": range(0x1d173, 0x1d17a),
  "interlinear annotation controls": range(0xfff9, 0xfffb),
  "shorthand format controls": range(0x1bca0, 0x1bca3),
  "zero-width space, Hangul fillers, byte order mark, braille blank": [0x200b, 0x115f, 0x1160, 0x3164, 0xffa0, 0xfeff, 0x2800],
  "combining marks alone": [0x0300, 0x0301, 0x034f, 0x0488, 0x20dd, 0x1ab0, 0xe0100],
};
const INVISIBLE_NAMES = [
  // "ADMIN" in TAG characters, after a TAG language tag.
  String.fromCodePoint(0xe0001, 0xe0041, 0xe0044, 0xe004d, 0xe0049, 0xe004e, 0xe007f),
  String.fromCodePoint(0x1d173, 0x1d174, 0x1d17a),
  "\ufff9\ufffa\ufffb",
  String.fromCodePoint(0x1bca0, 0x1bca3),
  "\u200b\u3164\ufeff\u115f",
  "\u0301\u0301\u20dd",
];
/** Ordinary names, accepted as stored (the schema NFC-normalises "\u2126" OHM SIGN to "Ω"). */
const VISIBLE_NAMES = ["订单", "a", "😀", "-", "Ω", "\u2126", "a\u0301", "٣", "\u{20000}", "x\u{e0041}"];

const appAccepts = (name: string) => consumerGroupNameSchema.safeParse(name).success;

/** The installed CHECK's expression, as PostgreSQL keeps it: not a copy of the migration. */
async function installedRule(sql: SqlRunner) {
  const { rows } = await sql.query<{ expr: string; validated: boolean }>(
    `SELECT pg_get_expr(conbin, conrelid) AS expr, convalidated AS validated FROM pg_constraint
      WHERE conrelid = 'consumer_group'::regclass AND conname = $1`,
    [CHECK],
  );
  assert.equal(rows.length, 1, `${CHECK} exists`);
  return rows[0];
}

/** Every general category but Cs (surrogates), the most common first. */
const GENERAL_CATEGORIES = "Cn Co Lo So Ll Lu Mn Nd No Po Sm Mc Lm Nl Cf Ps Pe Sk Pd Sc Lt Me Cc Zs Pi Pf Pc Zl Zp".split(" ");
const categoryRes = GENERAL_CATEGORIES.map((gc) => [gc, new RegExp(`^\\p{gc=${gc}}$`, "u")] as const);
const categoryOf = (ch: string) => categoryRes.find(([, re]) => re.test(ch))?.[0] ?? "??";
const defaultIgnorable = /^\p{Default_Ignorable_Code_Point}$/u;

/** Every code point a name can hold: all but NUL (PostgreSQL text cannot) and the surrogates. */
function* codePoints() {
  for (let cp = 1; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield cp;
}

/** The schema's verdict on each code point alone (1: accepted), worked out once: 1.1 million parses take seconds. */
let verdicts: Uint8Array | undefined;
function appVerdicts() {
  if (!verdicts) {
    verdicts = new Uint8Array(0x110000);
    for (const cp of codePoints()) verdicts[cp] = appAccepts(String.fromCodePoint(cp)) ? 1 : 0;
  }
  return verdicts;
}

const backends: { name: string; open: () => Promise<{ conn: Connection; stop?: () => void }> }[] = [
  { name: "PGlite (embedded)", open: async () => ({ conn: await connect({ dataDir: "memory://" }) }) },
];
const pgBin = findPgBin();
if (pgBin) {
  backends.push({
    name: "PostgreSQL server",
    open: async () => {
      const server = await startPgServer(pgBin);
      return { conn: await connect({ databaseUrl: server.url }), stop: () => server.stop() };
    },
  });
} else if (process.env.CI) {
  throw new Error("CI must check the names on a PostgreSQL server too: install postgresql-15 (.ci/run does).");
}

let hash = "";
before(async () => {
  hash = await hashPassword("Visible#123");
});

describe("the schema", () => {
  for (const [block, cps] of Object.entries(INVISIBLE)) {
    it(`refuses ${block} as a name (${hex(cps[0])}…)`, () => {
      for (const cp of cps) assert.equal(appAccepts(String.fromCodePoint(cp)), false, hex(cp));
    });
  }
  it("refuses names made only of them, as invisible", () => {
    for (const name of INVISIBLE_NAMES) {
      const r = consumerGroupNameSchema.safeParse(name);
      assert.deepEqual(
        r.error?.issues.map((i) => i.message),
        ["validation.name.invisible"],
        JSON.stringify(name),
      );
    }
  });
  it("accepts ordinary names, emoji and punctuation", () => {
    for (const name of VISIBLE_NAMES) assert.equal(appAccepts(name), true, JSON.stringify(name));
  });
  it("on every code point and every general category, accepts a character alone as its properties say", () => {
    const app = appVerdicts();
    const offRule: string[] = [];
    const seen = new Map<string, number>();
    for (const cp of codePoints()) {
      const ch = String.fromCodePoint(cp);
      const gc = categoryOf(ch);
      seen.set(gc, (seen.get(gc) ?? 0) + app[cp]);
      // What NFC changes is judged as its normal form (the schema stores that).
      if (ch.normalize("NFC") !== ch) continue;
      // Letters, numbers, symbols and punctuation that are not Default_Ignorable (nor U+2800) are
      // visible; format characters, marks, separators, controls, private use and unassigned are not.
      const visible = /^[LNSP]/.test(gc) && !defaultIgnorable.test(ch) && cp !== 0x2800;
      if (app[cp] !== (visible ? 1 : 0)) offRule.push(`${hex(cp)} ${gc}`);
    }
    assert.deepEqual(offRule.slice(0, 50), [], `${offRule.length} code points off the rule`);
    assert.deepEqual([...seen.keys()].sort(), [...GENERAL_CATEGORIES].sort(), "every general category walked");
    for (const [gc, accepted] of seen) {
      if (/^[CMZ]/.test(gc)) assert.equal(accepted, 0, `no ${gc} character alone is a name`);
      else assert.ok(accepted > 0, `${gc} characters are names`);
    }
  });
});

for (const backend of backends) {
  describe(`the database agrees, on ${backend.name}`, () => {
    let c: Connection;
    let stop: (() => void) | undefined;
    const instanceId = "dtsvisible000";
    let seq = 0;
    const insert = (name: string) =>
      c.sql.query(`INSERT INTO consumer_group (id, instance_id, name, username, password_hash) VALUES ($1, $2, $3, 'reader', $4)`, [
        `dtsvisible${String(++seq).padStart(6, "0")}`,
        instanceId,
        name,
        hash,
      ]);
    before(async () => {
      ({ conn: c, stop } = await backend.open());
      await c.sql.query(
        `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects,
           track_dml, track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
         VALUES ($1, 'visible names', 'cn-hangzhou', 'Normal', 'RDS MySQL', 'rm-bp1test', '[]', true, false, 'Subscription', 't', 'v:1', 'p:1', 'x:1')`,
        [instanceId],
      );
    });
    after(async () => {
      await c.close();
      stop?.();
    });

    it("on every code point, the installed CHECK decides as the schema does", async () => {
      const { expr, validated } = await installedRule(c.sql);
      assert.equal(validated, true, "the CHECK is validated");
      // One statement over every code point alone, evaluated by the CHECK's own expression.
      const { rows } = await c.sql.query<{ accepted: number[] }>(
        `SELECT coalesce(array_agg(cp ORDER BY cp), '{}') AS accepted
           FROM (SELECT generate_series(1, 55295) UNION ALL SELECT generate_series(57344, 1114111)) AS s(cp),
                LATERAL (SELECT chr(cp) AS name) AS t
          WHERE (${expr}) IS NOT FALSE`,
      );
      const dbAccepted = new Set(rows[0].accepted);
      // A code point NFC changes is stored as its normal form: the database judges that instead.
      const normalised = [...codePoints()].filter((cp) => String.fromCodePoint(cp).normalize("NFC") !== String.fromCodePoint(cp));
      const { rows: nfcRows } = await c.sql.query<{ n: string; ok: boolean }>(
        `SELECT n, (${expr}) IS NOT FALSE AS ok FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n)`,
        [normalised.map((cp) => String.fromCodePoint(cp).normalize("NFC"))],
      );
      const dbNormalised = new Map(nfcRows.map((r) => [normalised[Number(r.n) - 1], r.ok]));

      const app = appVerdicts();
      const disagree: string[] = [];
      for (const cp of codePoints()) {
        const db = dbNormalised.get(cp) ?? dbAccepted.has(cp);
        if (app[cp] !== (db ? 1 : 0)) {
          const how = `schema ${app[cp] ? "accepts" : "refuses"}, database ${db ? "accepts" : "refuses"}`;
          disagree.push(`${hex(cp)} ${categoryOf(String.fromCodePoint(cp))}: ${how}`);
        }
      }
      assert.deepEqual(disagree.slice(0, 50), [], `${disagree.length} code points decided differently`);
    });

    for (const [block, cps] of Object.entries(INVISIBLE)) {
      it(`refuses ${block} by a direct INSERT`, async () => {
        for (const cp of cps) {
          const error: unknown = await insert(String.fromCodePoint(cp)).then(
            () => null,
            (e: unknown) => e,
          );
          assert.deepEqual(dbViolation(error), { sqlstate: "23514", constraint: CHECK }, hex(cp));
        }
      });
    }
    it("refuses names made only of them by a direct INSERT", async () => {
      for (const name of INVISIBLE_NAMES) {
        await assert.rejects(insert(name), (e) => dbViolation(e)?.constraint === CHECK, JSON.stringify(name));
      }
    });
    it("stores ordinary names as the schema leaves them", async () => {
      for (const stored of new Set(VISIBLE_NAMES.map((name) => consumerGroupNameSchema.parse(name)))) await insert(stored);
    });
  });
}

describe(`the migration ${MIGRATION} on a database that has names`, () => {
  let dir = "";
  let db: PGlite;
  let sql: SqlRunner;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dts-visible-"));
    for (const m of await readMigrations()) {
      if (m.name < MIGRATION) await cp(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
    }
    db = await PGlite.create("memory://", { extensions: { pg_trgm } });
    sql = {
      exec: (text) => db.exec(text),
      query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    };
    await applyMigrations(sql, dir);
    await sql.query(
      `INSERT INTO instance (id, name, region_id, status, source_type, source_instance_id, tracked_objects,
         track_dml, track_ddl, billing_method, topic, vpc_endpoint, private_endpoint, public_endpoint)
       VALUES ('dtsoldnames01', 'old names', 'cn-hangzhou', 'Normal', 'RDS MySQL', 'rm-bp1test', '[]', true, false, 'Subscription', 't', 'v:1', 'p:1', 'x:1')`,
    );
    const group = (id: string, name: string) =>
      sql.query(
        `INSERT INTO consumer_group (id, instance_id, name, username, password_hash) VALUES ($1, 'dtsoldnames01', $2, 'reader', $3)`,
        [id, name, hash],
      );
    await group("dtsoldordinary1", "orders 订单 😀");
    // The rule before this migration let a name of TAG characters through.
    await group("dtsoldtags00001", INVISIBLE_NAMES[0]);
    await cp(path.join(MIGRATIONS_DIR, MIGRATION), path.join(dir, MIGRATION), { recursive: true });
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("stops, naming the groups to rename, and changes nothing", async () => {
    await assert.rejects(
      applyMigrations(sql, dir),
      new RegExp(`Migration ${MIGRATION} failed: ${CHECK}: rename these consumer groups.*: dtsoldtags00001 \\(instance dtsoldnames01\\)$`),
    );
    assert.match((await installedRule(sql)).expr, /\[:space:\]/, "the old CHECK is still in place");
  });
  it("applies once they are renamed, and validates the CHECK", async () => {
    await sql.query(`UPDATE consumer_group SET name = 'tags' WHERE id = 'dtsoldtags00001'`);
    assert.deepEqual(await applyMigrations(sql, dir), [MIGRATION]);
    const { expr, validated } = await installedRule(sql);
    assert.equal(validated, true);
    assert.doesNotMatch(expr, /\[:space:\]/);
    await assert.rejects(sql.query(`UPDATE consumer_group SET name = $1 WHERE id = 'dtsoldordinary1'`, ["\u{e0041}"]), new RegExp(CHECK));
  });
});
