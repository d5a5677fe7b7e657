import { LAG_TREND_WINDOW_MS } from "../validation/rules";

/**
 * A group's backlog trend and time to catch up (docs/rules.md "Lag health"), from its heartbeat
 * samples of the last minutes. Pure, so the server computes it beside the sparklines and the
 * tests feed it any history.
 */

export const LAG_TRENDS = ["rising", "draining", "steady"] as const;
export type LagTrend = (typeof LAG_TRENDS)[number];

export interface LagSample {
  /** ms since the epoch */
  t: number;
  /** the committed checkpoint (ms), null when the consumer reported none */
  checkpoint: number | null;
  unconsumed: number | null;
}

export interface LagHealth {
  /** null: too few samples to say */
  trend: LagTrend | null;
  /** seconds until the backlog is gone at the current drain rate; null unless draining meaningfully */
  etaSeconds: number | null;
}

/** Fewer samples than this (30 s of heartbeats) say nothing. */
const MIN_SAMPLES = 3;
/** A change over the window of fewer records than this is steady, */
const STEADY_RECORDS = 10;
/** and so is a backlog that moves without a direction: a line explaining less than this share of its variance. */
const MIN_FIT = 0.6;
/** An estimate further away than a week is not one. */
const ETA_MAX_SECONDS = 7 * 24 * 3600;

const UNKNOWN: LagHealth = { trend: null, etaSeconds: null };

/**
 * Reads the samples of the window before `now`, after the last checkpoint reset (a checkpoint that
 * went back: the backlog before it belongs to another position), and fits a line to the backlog:
 * a clear direction (the line explains most of the movement) is rising or draining, even slow.
 */
export function lagHealth(samples: readonly LagSample[], now: number, windowMs = LAG_TREND_WINDOW_MS): LagHealth {
  let recent = samples.filter((s) => s.t > now - windowMs && s.t <= now && s.unconsumed !== null).sort((a, b) => a.t - b.t);
  for (let i = recent.length - 1; i > 0; i--) {
    const before = recent[i - 1].checkpoint;
    const after = recent[i].checkpoint;
    if (before !== null && after !== null && after < before) {
      recent = recent.slice(i);
      break;
    }
  }
  if (recent.length < MIN_SAMPLES) return UNKNOWN;
  const xs = recent.map((s) => (s.t - recent[0].t) / 1000);
  const ys = recent.map((s) => s.unconsumed as number);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  if (sxx === 0) return UNKNOWN;
  /** records per second: positive while the backlog grows */
  const slope = sxy / sxx;
  const span = xs[n - 1] - xs[0];
  const change = slope * span;
  const last = ys[n - 1];
  const fit = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  if (Math.abs(change) < STEADY_RECORDS || fit < MIN_FIT) return { trend: "steady", etaSeconds: null };
  if (slope > 0) return { trend: "rising", etaSeconds: null };
  const eta = last / -slope;
  return { trend: "draining", etaSeconds: last > 0 && eta <= ETA_MAX_SECONDS ? Math.round(eta) : null };
}
