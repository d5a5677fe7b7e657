"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { HistorySample } from "@/lib/data/heartbeat-history";
import { formatDateTime, formatMetric } from "@/lib/format";
import { useMetric } from "./use-metric";

// Loaded with next/dynamic only when a details drawer opens: uPlot (about 20 KB gzipped, canvas,
// no eval, no inline scripts) never weighs on the Data Consume page itself.

interface Series {
  /** names the chart for tests, the same in every language */
  id: "message-delay" | "unconsumed-data";
  /** the value as the chart shows it: seconds of delay, or a count */
  seconds: boolean;
  pick: (s: HistorySample) => number | null;
  color: string;
  fill: string;
}

const SERIES: Series[] = [
  { id: "message-delay", seconds: true, pick: (s) => s.delay, color: "#2563eb", fill: "rgba(37,99,235,0.08)" },
  { id: "unconsumed-data", seconds: false, pick: (s) => s.unconsumed, color: "#c2410c", fill: "rgba(194,65,12,0.08)" },
];

function Chart({
  series,
  samples,
  from,
  to,
  timeZone,
  zoneText,
}: {
  series: Series;
  samples: HistorySample[];
  from: number;
  to: number;
  timeZone: string;
  zoneText: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const t = useTranslations("consume.trend");
  const locale = useLocale();
  const values = samples.map(series.pick);
  const title = series.id === "message-delay" ? t("delay") : t("unconsumed");
  const figures = useMetric();
  const metric = series.seconds ? figures.seconds : figures.count;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [samples.map((s) => s.t / 1000), values];
    const chart = new uPlot(
      {
        width: Math.max(240, el.clientWidth),
        height: 150,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, min: from / 1000, max: to / 1000 }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
        axes: [
          // 24-hour clock times in the user's zone, as every other time in the console.
          {
            stroke: "#4b5563",
            grid: { stroke: "#f3f4f6" },
            ticks: { stroke: "#e5e7eb" },
            values: (_u, ticks) => ticks.map((t) => formatDateTime(t * 1000, timeZone).slice(11, 16)),
          },
          {
            stroke: "#4b5563",
            grid: { stroke: "#f3f4f6" },
            ticks: { stroke: "#e5e7eb" },
            size: 56,
            values: (_u, ticks) => ticks.map((tick) => formatMetric(tick, "", locale)),
          },
        ],
        series: [
          {},
          {
            label: title,
            stroke: series.color,
            fill: series.fill,
            width: 1.5,
            spanGaps: false,
            points: { show: samples.length < 30 },
          },
        ],
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(240, el.clientWidth), height: 150 });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
    // values derive from samples
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [samples, from, to, timeZone, series, title, locale]);
  const present = values.filter((v): v is number => v !== null);
  const text = present.length
    ? t("summary", {
        count: present.length,
        low: metric(Math.min(...present)),
        high: metric(Math.max(...present)),
        latest: metric(present[present.length - 1]),
      })
    : t("empty");
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-gray-900">{title}</span>
        <span className="text-xs text-gray-700">{t("window", { zone: zoneText })}</span>
      </figcaption>
      <div
        ref={box}
        role="img"
        aria-label={t("label", { title, summary: text })}
        data-testid={`trend-${series.id}`}
        data-samples={samples.length}
        className="w-full overflow-hidden"
      />
      <p className="mt-1 text-xs text-gray-700">{text}</p>
    </figure>
  );
}

/** The details drawer's trend charts: message delay and unconsumed data over the last hour. */
export default function TrendCharts({
  samples,
  from,
  to,
  timeZone,
  zoneText,
}: {
  samples: HistorySample[];
  from: number;
  to: number;
  timeZone: string;
  zoneText: string;
}) {
  return (
    <div className="space-y-5">
      {SERIES.map((s) => (
        <Chart key={s.id} series={s} samples={samples} from={from} to={to} timeZone={timeZone} zoneText={zoneText} />
      ))}
    </div>
  );
}
