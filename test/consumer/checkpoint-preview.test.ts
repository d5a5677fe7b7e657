// The checkpoint reset's preview (lib/consumer/checkpoint-preview.ts) and the wall-clock time it
// reads in the page's zone (lib/format.ts instantOfWallClock).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { previewCheckpoint, recordsPerSecond } from "../../lib/consumer/checkpoint-preview";
import { instantOfWallClock } from "../../lib/format";

describe("records per second of data, from the heartbeats", () => {
  it("pools the samples: Σ records over Σ seconds of delay", () => {
    assert.equal(
      recordsPerSecond([
        { delay: 10, unconsumed: 100 },
        { delay: 30, unconsumed: 500 },
      ]),
      15,
    );
  });
  it("ignores samples of no consumer, no delay or nonsense", () => {
    assert.equal(
      recordsPerSecond([
        { delay: null, unconsumed: null },
        { delay: 0, unconsumed: 0 },
        { delay: 0, unconsumed: 40 },
        { delay: 5, unconsumed: -1 },
        { delay: 4, unconsumed: 8 },
      ]),
      2,
    );
  });
  it("is unknown without a sample that was behind", () => {
    assert.equal(recordsPerSecond([]), null);
    assert.equal(recordsPerSecond([{ delay: 0, unconsumed: 0 }]), null);
  });
});

describe("what a reset does", () => {
  const at = "2026-12-03T10:00:00.000Z";
  it("replays back to an earlier point, with the records the rate gives", () => {
    assert.deepEqual(previewCheckpoint(at, "2026-12-03T09:00:00.000Z", 2.5), { direction: "replay", seconds: 3600, records: 9000 });
  });
  it("skips forward to a later point", () => {
    assert.deepEqual(previewCheckpoint(at, "2026-12-03T10:00:30.000Z", 1), { direction: "skip", seconds: 30, records: 30 });
  });
  it("says the span even when the history gives no rate", () => {
    assert.deepEqual(previewCheckpoint(at, "2026-12-03T09:59:00.000Z", null), { direction: "replay", seconds: 60, records: null });
  });
  it("changes nothing at the same point", () => {
    assert.deepEqual(previewCheckpoint(at, at, 7), { direction: "same", seconds: 0, records: 0 });
  });
  it("knows nothing for a group that never consumed, or a target not chosen yet", () => {
    assert.equal(previewCheckpoint(null, at, 1), null);
    assert.equal(previewCheckpoint(at, null, 1), null);
    assert.equal(previewCheckpoint(at, "not a time", 1), null);
  });
});

describe("a wall-clock time typed in the page's zone", () => {
  it("is itself in UTC", () => {
    assert.equal(instantOfWallClock("2026-12-03T10:00:05")?.toISOString(), "2026-12-03T10:00:05.000Z");
    assert.equal(instantOfWallClock("2026-12-03T10:00", "UTC")?.toISOString(), "2026-12-03T10:00:00.000Z");
  });
  it("is 8 hours earlier in UTC when typed in Shanghai", () => {
    assert.equal(instantOfWallClock("2026-12-03T10:00:05", "Asia/Shanghai")?.toISOString(), "2026-12-03T02:00:05.000Z");
  });
  it("follows daylight saving time", () => {
    assert.equal(instantOfWallClock("2026-07-01T12:00", "America/New_York")?.toISOString(), "2026-07-01T16:00:00.000Z");
    assert.equal(instantOfWallClock("2026-01-15T12:00", "America/New_York")?.toISOString(), "2026-01-15T17:00:00.000Z");
    assert.equal(instantOfWallClock("2026-03-10T00:30", "Asia/Kolkata")?.toISOString(), "2026-03-09T19:00:00.000Z");
  });
  it("refuses what is not a wall-clock time, or a date that does not exist", () => {
    for (const text of [
      "",
      "2026-12-03",
      "2026-12-03T10:00:05Z",
      "10:00",
      "2026-13-01T10:00",
      "2026-04-31T10:00",
      "2026-12-03T24:00",
      "2026-12-03T10:60",
    ]) {
      assert.equal(instantOfWallClock(text, "Asia/Shanghai"), null, text);
    }
  });
});
