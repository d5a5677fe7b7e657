import { formatDateTime } from "@/lib/format";

/** A time on two lines, date then clock, so a column stays narrow and nothing breaks mid-token. */
export function TwoLineTime({ value, timeZone }: { value: Date | string | null; timeZone: string }) {
  const text = formatDateTime(value, timeZone);
  if (text === "—") return <>—</>;
  return (
    <span className="dt-time">
      {text.slice(0, 10)}
      <br />
      {text.slice(11)}
    </span>
  );
}
