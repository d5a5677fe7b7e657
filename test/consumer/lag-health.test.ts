import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lagHealth, type LagSample } from "../../lib/consumer/lag-health";

// The backlog's trend and time to catch up (docs/rules.md "Lag health") from recorded samples.
const now = Date.UTC(2026, 11, 4, 12, 0, 0);
/** One sample every 10 s ending at `now`, backlog from `backlog(i)`, checkpoint moving on. */
const series = (count: number, backlog: (i: number) => number | null, checkpoint = (i: number): number | null => now - 60_000 + i * 1000) =>
  Array.from({ length: count }, (_, i): LagSample => ({
    t: now - (count - 1 - i) * 10_000,
    checkpoint: checkpoint(i),
    unconsumed: backlog(i),
  }));

describe("lag health", () => {
  it("says nothing without samples, or with too few", () => {
    assert.deepEqual(lagHealth([], now), { trend: null, etaSeconds: null });
    assert.deepEqual(
      lagHealth(
        series(2, () => 500),
        now,
      ),
      { trend: null, etaSeconds: null },
    );
    // Samples without a backlog reported do not count.
    assert.deepEqual(
      lagHealth(
        series(10, () => null),
        now,
      ),
      { trend: null, etaSeconds: null },
    );
  });

  it("reads a growing backlog as rising, with no estimate", () => {
    assert.deepEqual(
      lagHealth(
        series(30, (i) => 1_000 + i * 100),
        now,
      ),
      { trend: "rising", etaSeconds: null },
    );
  });

  it("reads a flat or barely moving backlog as steady", () => {
    assert.deepEqual(
      lagHealth(
        series(30, () => 5_000),
        now,
      ),
      { trend: "steady", etaSeconds: null },
    );
    assert.deepEqual(
      lagHealth(
        series(30, (i) => 100_000 + (i % 2) * 500),
        now,
      ),
      { trend: "steady", etaSeconds: null },
    );
    assert.deepEqual(
      lagHealth(
        series(30, (i) => (i % 2) * 5),
        now,
      ),
      { trend: "steady", etaSeconds: null },
    );
  });

  it("estimates the time to catch up from the drain rate while draining", () => {
    // 10 records a second gone: 29 samples over 290 s, 10,000 → 7,100; 7,100 / 10 = 710 s.
    assert.deepEqual(
      lagHealth(
        series(30, (i) => 10_000 - i * 100),
        now,
      ),
      { trend: "draining", etaSeconds: 710 },
    );
    // Drained to zero: nothing left to estimate.
    assert.deepEqual(
      lagHealth(
        series(5, (i) => 400 - i * 100),
        now,
      ),
      { trend: "draining", etaSeconds: null },
    );
    // A slow but clear drain of a large backlog: 30 records a second, 991,300 left, about 9 h.
    assert.deepEqual(
      lagHealth(
        series(30, (i) => 1_000_000 - i * 300),
        now,
      ),
      { trend: "draining", etaSeconds: 33_043 },
    );
    // Noisy but draining still reads as draining.
    assert.equal(
      lagHealth(
        series(30, (i) => 50_000 - i * 200 + (i % 2) * 300),
        now,
      ).trend,
      "draining",
    );
    // A crawl that would take more than a week is no estimate.
    const slow = lagHealth(
      series(30, (i) => 100_000_000 - i * 20),
      now,
    );
    assert.deepEqual(slow, { trend: "draining", etaSeconds: null });
  });

  it("reads only the window's samples", () => {
    const old = series(30, (i) => 10_000 - i * 100).map((s) => ({ ...s, t: s.t - 10 * 60_000 }));
    assert.deepEqual(lagHealth(old, now), { trend: null, etaSeconds: null });
  });

  it("starts over after a checkpoint reset: the backlog before it belongs elsewhere", () => {
    // Draining, then reset to an earlier checkpoint (the backlog jumps), then draining again.
    const samples = series(
      30,
      (i) => (i < 20 ? 5_000 - i * 100 : 50_000 - (i - 20) * 100),
      (i) => (i < 20 ? now - 60_000 + i * 1000 : now - 3_600_000 + i * 1000),
    );
    const health = lagHealth(samples, now);
    assert.equal(health.trend, "draining");
    // 10 records a second from 49,100: about 4,910 s.
    assert.equal(health.etaSeconds, 4_910);
    // Without the reset's cut it would have read the jump as rising.
    const unchecked = samples.map((s) => ({ ...s, checkpoint: null }));
    assert.equal(lagHealth(unchecked, now).trend, "rising");
  });
});
