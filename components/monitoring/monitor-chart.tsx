"use client";

import { useLocale } from "next-intl";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { formatDateTime, formatMetric } from "@/lib/format";

// Loaded with next/dynamic by the Monitoring tab only: uPlot (canvas, no eval, no inline scripts)
// never weighs on another page.

export interface ChartLine {
  id: string;
  label: string;
  color: string;
  values: (number | null)[];
  shown: boolean;
}

/** Where a click on the chart landed: the line nearest to it and the value at the click's height. */
export interface ChartPick {
  lineId: string;
  value: number;
}

/**
 * One chart of every group's line over the range: 24-hour times in the user's zone, a dashed line
 * at `threshold` when one is given, and a click reported as the nearest line and the value there.
 */
export default function MonitorChart({
  testId,
  label,
  lines,
  from,
  stepMs,
  points,
  timeZone,
  threshold,
  axisChars = 2,
  onPick,
}: {
  testId: string;
  label: string;
  lines: ChartLine[];
  from: number;
  stepMs: number;
  points: number;
  timeZone: string;
  threshold?: number | null;
  /** the value axis's width in characters at least: charts stacked together share it, so their time axes line up */
  axisChars?: number;
  onPick?: (pick: ChartPick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const locale = useLocale();
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = Array.from({ length: points }, (_, i) => (from + i * stepMs) / 1000);
    const data: uPlot.AlignedData = [xs, ...lines.map((l) => l.values)];
    if (threshold) data.push(xs.map(() => threshold));
    let focused = -1;
    const height = () => (el.clientWidth < 480 ? 180 : 220);
    const chart = new uPlot(
      {
        width: Math.max(240, el.clientWidth),
        height: height(),
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, focus: { prox: 24 } },
        focus: { alpha: 0.35 },
        scales: {
          x: { time: true, min: xs[0], max: xs[xs.length - 1] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max, threshold ?? 0) * 1.1] },
        },
        axes: [
          {
            stroke: "#4b5563",
            grid: { stroke: "#f3f4f6" },
            ticks: { stroke: "#e5e7eb" },
            space: 64,
            // 24-hour times in the user's zone; a midnight as its date (MM-DD).
            values: (_u, ticks) =>
              ticks.map((t) => {
                const text = formatDateTime(t * 1000, timeZone);
                return text.slice(11, 16) === "00:00" ? text.slice(5, 10) : text.slice(11, 16);
              }),
          },
          {
            stroke: "#4b5563",
            grid: { stroke: "#f3f4f6" },
            ticks: { stroke: "#e5e7eb" },
            // As wide as its longest label (312,400 needs more room than 50).
            // (uPlot's first pass has no labels yet, whatever its types say.)
            size: (_u, values) => 18 + 7 * Math.max(axisChars, ...((values as string[] | null) ?? []).map((v) => v.length)),
            values: (_u, ticks) => ticks.map((tick) => formatMetric(tick, "", locale)),
          },
        ],
        series: [
          {},
          ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 1.5, spanGaps: false, show: l.shown, points: { show: false } })),
          ...(threshold ? [{ label: "threshold", stroke: "#b91c1c", width: 1, dash: [6, 4], points: { show: false } }] : []),
        ],
        hooks: {
          setSeries: [
            (_u, index) => {
              focused = index ?? -1;
            },
          ],
        },
      },
      data,
      el,
    );
    const click = () => {
      const top = chart.cursor.top;
      if (top === undefined || top < 0 || !pick.current) return;
      const line = (focused > 0 ? lines.at(focused - 1) : undefined) ?? lines.find((l) => l.shown);
      if (!line) return;
      pick.current({ lineId: line.id, value: Math.max(1, Math.round(chart.posToVal(top, "y"))) });
    };
    chart.over.addEventListener("click", click);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: height() }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.over.removeEventListener("click", click);
      chart.destroy();
    };
  }, [lines, from, stepMs, points, timeZone, threshold, axisChars, locale]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-lines={lines.filter((l) => l.shown).length}
      className={onPick ? "w-full cursor-crosshair overflow-hidden" : "w-full overflow-hidden"}
    />
  );
}
