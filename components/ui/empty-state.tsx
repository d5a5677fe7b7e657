import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-14 text-center">
      <svg aria-hidden viewBox="0 0 48 48" className="h-12 w-12 text-gray-300" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="8" y="12" width="32" height="26" rx="2" />
        <path d="M8 20h32M18 28h12" />
      </svg>
      <p className="text-sm font-medium text-gray-800">{title}</p>
      {children ? <div className="text-sm text-gray-700">{children}</div> : null}
    </div>
  );
}
