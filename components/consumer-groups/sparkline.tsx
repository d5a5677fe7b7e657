import { useLocale, useTranslations } from "next-intl";

/**
 * A row's trend of the last hour, one point a minute, drawn as a small SVG line (no chart library
 * on the table: twenty rows would load one for twenty thumbnails). Minutes without a sample break
 * the line, and the line spans the minutes that have samples (a group an hour old fills the width,
 * not a tick at its right edge). The summary is the accessible name; the drawer has the full chart.
 * `undefined` values: still loading (the page sends the rows first), a blank of the same size, with
 * nothing to read out or find by test id until the line comes.
 */
export function Sparkline({ values: all, label, testId }: { values: (number | null)[] | undefined; label: string; testId?: string }) {
  const t = useTranslations("consume.sparkline");
  const locale = useLocale();
  const width = 56;
  const height = 18;
  if (!all) return <span className="spark" />;
  const start = all.findIndex((v) => v !== null);
  const values = start > 0 ? all.slice(start) : all;
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) {
    return (
      <span
        role="img"
        aria-label={t("empty", { label })}
        data-testid={testId}
        data-points="0"
        className="spark border-b border-dashed border-gray-300"
      />
    );
  }
  const max = Math.max(...present, 1);
  const step = width / Math.max(values.length - 1, 1);
  const segments: string[] = [];
  let current = "";
  values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    const point = `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`;
    current = current ? `${current} ${point}` : point;
  });
  if (current) segments.push(current);
  const latest = present[present.length - 1];
  return (
    <svg
      role="img"
      aria-label={t("summary", { label, max: max.toLocaleString(locale), latest: latest.toLocaleString(locale) })}
      data-testid={testId}
      data-points={present.length}
      viewBox={`0 0 ${width} ${height}`}
      // As wide as its cell leaves it (.spark: 40 to 56 px), the line's stroke unscaled.
      preserveAspectRatio="none"
      className="spark overflow-visible"
    >
      {segments.map((points) =>
        points.includes(" ") ? (
          <polyline
            key={points}
            points={points}
            fill="none"
            stroke="#2563eb"
            strokeWidth="1.3"
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        ) : (
          <circle key={points} cx={points.split(",")[0]} cy={points.split(",")[1]} r="1.3" fill="#2563eb" />
        ),
      )}
    </svg>
  );
}
