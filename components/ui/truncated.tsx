import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/**
 * An id, endpoint or name that never breaks mid-token: one line, cut with an ellipsis when the
 * column is narrow, the whole value in the tooltip (title) and on the copy button.
 */
export function Truncated({
  value,
  copyLabel,
  mono = false,
  className,
  testId,
}: {
  value: string;
  copyLabel?: string;
  mono?: boolean;
  className?: string;
  testId?: string;
}) {
  return (
    <span className={cn("trunc", className)}>
      <span className={cn("trunc-text", mono && "font-mono")} title={value} data-testid={testId}>
        {value}
      </span>
      {copyLabel ? <CopyButton value={value} label={copyLabel} compact /> : null}
    </span>
  );
}
