import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTotal, likeContains, parseRowKey, planPage, settlePage } from "../../lib/pagination";
import { taskListHref } from "../../lib/url";
import { taskListQuerySchema } from "../../lib/validation/task";
import { auditQuerySchema } from "../../lib/validation/audit";
import { DTS_ID_PATTERN } from "../../lib/validation/consumer-group";

describe("paging plans (lib/pagination.ts)", () => {
  it("reads page 1 and the pages near the front with an offset, one extra row telling whether more follow", () => {
    assert.deepEqual(planPage({ page: 1, pageSize: 10, total: 100_000 }), { kind: "offset", offset: 0, reverse: false, take: 11, page: 1 });
    assert.deepEqual(planPage({ page: 3, pageSize: 10, total: 100_000 }), {
      kind: "offset",
      offset: 20,
      reverse: false,
      take: 11,
      page: 3,
    });
  });

  it("reads the last pages from the end when the total is exact, so the last page skips nothing", () => {
    assert.deepEqual(planPage({ page: 10_000, pageSize: 10, total: 99_995 }), {
      kind: "offset",
      offset: 0,
      reverse: true,
      take: 5,
      page: 10_000,
    });
    assert.deepEqual(planPage({ page: 9_999, pageSize: 10, total: 99_995 }), {
      kind: "offset",
      offset: 5,
      reverse: true,
      take: 10,
      page: 9_999,
    });
    // Past the end: the last page.
    assert.equal(planPage({ page: 20_000, pageSize: 10, total: 99_995 }).page, 10_000);
    // With only a capped count the end is unknown: from the front.
    assert.deepEqual(planPage({ page: 500, pageSize: 10, total: null }), {
      kind: "offset",
      offset: 4990,
      reverse: false,
      take: 11,
      page: 500,
    });
  });

  it("seeks from the key of a neighbour page, and ignores a key on page 1", () => {
    const key = { at: 1_764_000_000_000, id: "dtsabc123" };
    assert.deepEqual(planPage({ page: 7000, pageSize: 10, total: 100_000, after: key }), {
      kind: "seek",
      key,
      reverse: false,
      take: 11,
      page: 7000,
    });
    assert.deepEqual(planPage({ page: 6999, pageSize: 10, total: 100_000, before: key }), {
      kind: "seek",
      key,
      reverse: true,
      take: 10,
      page: 6999,
    });
    assert.equal(planPage({ page: 1, pageSize: 10, total: 100_000, before: key }).kind, "offset");
  });

  it("turns reversed reads around and links the neighbours by the first and last row", () => {
    const rows = [3, 2, 1].map((n) => ({ n }));
    const keyOf = (r: { n: number }) => ({ at: 1_764_000_000_000 + r.n, id: `dtsrow00${r.n}` });
    const { rows: shown, info } = settlePage({ kind: "offset", offset: 0, reverse: true, take: 3, page: 4 }, rows, keyOf, 3, 12, false);
    assert.deepEqual(
      shown.map((r) => r.n),
      [1, 2, 3],
    );
    assert.deepEqual(info, {
      page: 4,
      pageSize: 3,
      total: 12,
      capped: false,
      pageCount: 4,
      hasNext: false,
      before: "1764000000001.dtsrow001",
      after: undefined,
    });
    const capped = settlePage({ kind: "offset", offset: 0, reverse: false, take: 3, page: 1 }, rows, keyOf, 2, 1000, true);
    assert.deepEqual(
      [capped.rows.length, capped.info.hasNext, capped.info.pageCount, capped.info.after],
      [2, true, null, "1764000000002.dtsrow002"],
    );
  });

  it("accepts only keys it could have made, and shows capped totals with a plus", () => {
    assert.deepEqual(parseRowKey("1764000000000.dtsabc123", DTS_ID_PATTERN), { at: 1_764_000_000_000, id: "dtsabc123" });
    for (const bad of [
      "1764000000000.DTSABC123",
      "1764000000000",
      "x.dtsabc123",
      "99.dtsabc123",
      "1764000000000.dtsabc123.x",
      42,
      undefined,
    ]) {
      assert.equal(parseRowKey(bad, DTS_ID_PATTERN), undefined, String(bad));
    }
    assert.equal(formatTotal(100_028, false), "100,028");
    assert.equal(formatTotal(1000, true), "1,000+");
    assert.equal(likeContains("5%_a\\"), "%5\\%\\_a\\\\%");
  });

  it("keeps a cursor on its own link only: a new search, sort or page size starts from page 1 without it", () => {
    const query = taskListQuerySchema.parse({ q: "x", page: "5", after: "1764000000000.dtsabc123" });
    assert.equal(query.after, "1764000000000.dtsabc123");
    assert.equal(
      taskListHref("cn-hangzhou", query, { page: 1, sort: "created_asc" }),
      "/change-tracking?region=cn-hangzhou&q=x&sort=created_asc",
    );
    assert.equal(
      taskListHref("cn-hangzhou", query, { page: 6, after: "1764000000009.dtsabc999" }),
      "/change-tracking?region=cn-hangzhou&q=x&page=6&after=1764000000009.dtsabc999",
    );
    assert.equal(taskListQuerySchema.parse({ after: "1764000000000.<script>" }).after, undefined);
    assert.equal(auditQuerySchema.parse({ before: "1764000000000.123" }).before, "1764000000000.123");
    assert.equal(auditQuerySchema.parse({ before: "1764000000000.dtsabc" }).before, undefined);
  });
});
