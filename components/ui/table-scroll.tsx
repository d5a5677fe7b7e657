"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A wide table's scrolling region: focusable and named (keyboard users scroll it with the arrow
 * keys), with a shadow on each edge that hides more columns, so a phone shows that the table goes
 * on sideways (`.table-scroll` in app/globals.css).
 */
export function TableScroll({ label, stale, children }: { label: string; stale?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const left = el.scrollLeft > 1;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    measure();
    el.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => {
      el.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, []);
  return (
    <div className="table-scroll" data-more-left={edges.left || undefined} data-more-right={edges.right || undefined}>
      <div ref={ref} role="region" aria-label={label} tabIndex={0} className="table-region" data-stale={stale ? "true" : undefined}>
        {children}
      </div>
    </div>
  );
}
