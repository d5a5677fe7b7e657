"use client";

import type { KeyboardEvent } from "react";

/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys move between tabs and select
 * them, each tab controls the panel `${idPrefix}-panel` (render it with `tabPanelProps`).
 */
export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
  idPrefix,
}: {
  label: string;
  tabs: readonly { id: T; label: string }[];
  value: T;
  onChange: (id: T) => void;
  idPrefix: string;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((tab) => tab.id === value);
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length].id;
    onChange(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-gray-200">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`${idPrefix}-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === value}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.id === value ? 0 : -1}
          onClick={() => onChange(tab.id)}
          onKeyDown={onKeyDown}
          className={`-mb-px border-b-2 px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
            tab.id === value ? "border-blue-600 text-blue-700" : "border-transparent text-gray-700 hover:text-blue-700"
          }`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The props of the panel the selected tab controls. */
export function tabPanelProps(idPrefix: string, value: string) {
  return { id: `${idPrefix}-panel`, role: "tabpanel" as const, "aria-labelledby": `${idPrefix}-tab-${value}` };
}
