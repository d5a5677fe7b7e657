import type { ReactNode } from "react";
import { cn } from "./cn";
import { TableScroll } from "./table-scroll";

/**
 * The console's data table: it scrolls inside its own labelled box below `minWidth` (TableScroll),
 * keeps fixed column widths (`columns`, each a width class such as "w-[16%]", written out in full
 * where it is used so Tailwind generates it), names itself in a caption for screen readers, and
 * heads its rows with `head` (a `<tr>` of header cells). The rows (`<tbody>`) are its children.
 */
export function DataTable({
  label,
  caption,
  minWidth,
  columns,
  head,
  stale,
  className,
  headClassName,
  children,
}: {
  label: string;
  caption: ReactNode;
  minWidth: string;
  columns: string[];
  head: ReactNode;
  stale?: boolean;
  className?: string;
  headClassName?: string;
  children: ReactNode;
}) {
  return (
    <TableScroll label={label} stale={stale}>
      <table className={cn("w-full table-fixed divide-y divide-gray-200", minWidth, className)}>
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {columns.map((width, i) => (
            <col key={i} className={width} />
          ))}
        </colgroup>
        <thead className={cn("bg-gray-50", headClassName)}>{head}</thead>
        {children}
      </table>
    </TableScroll>
  );
}
