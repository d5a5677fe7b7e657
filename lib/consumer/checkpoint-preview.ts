// What a checkpoint reset will do, before it is confirmed (docs/rules.md "Consumption checkpoint"):
// how much data the group's next consumer replays or skips, as a span of time and, where the
// group's heartbeat history allows, as records. Client-safe: the dialog computes it in the browser.

/** One heartbeat sample as the history route returns it (lib/data/heartbeat-history.ts). */
export interface RateSample {
  delay: number | null;
  unconsumed: number | null;
}

/**
 * Records per second of data, from the group's recent heartbeats: a consumer that is `delay`
 * seconds behind with `unconsumed` records waiting saw that many records in those seconds. The
 * samples are pooled (Σ records / Σ seconds) so a near-zero delay cannot blow the rate up; null
 * when no sample was behind at all (nothing to estimate from).
 */
export function recordsPerSecond(samples: readonly RateSample[]): number | null {
  let records = 0;
  let seconds = 0;
  for (const s of samples) {
    if (s.delay === null || s.unconsumed === null || s.delay <= 0 || s.unconsumed < 0) continue;
    records += s.unconsumed;
    seconds += s.delay;
  }
  return seconds > 0 ? records / seconds : null;
}

export interface CheckpointPreview {
  /** replay: the target is before the current checkpoint; skip: after it; same: no change */
  direction: "replay" | "skip" | "same";
  /** the span between the two checkpoints, in whole seconds */
  seconds: number;
  /** the records in that span, estimated; null when the history gives no rate */
  records: number | null;
}

/**
 * The effect of moving a checkpoint from `current` to `target` (ISO strings or ms). A group that
 * never consumed (no checkpoint) starts at the target: nothing to replay or skip is known, null.
 */
export function previewCheckpoint(
  current: string | number | null,
  target: string | number | null,
  rate: number | null,
): CheckpointPreview | null {
  if (current === null || target === null) return null;
  const from = new Date(current).getTime();
  const to = new Date(target).getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const seconds = Math.round(Math.abs(to - from) / 1000);
  if (seconds === 0) return { direction: "same", seconds: 0, records: 0 };
  return { direction: to < from ? "replay" : "skip", seconds, records: rate === null ? null : Math.round(rate * seconds) };
}
