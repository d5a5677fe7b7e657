import type { ReactNode } from "react";

/** A card of the Basic Information page; `id` names its heading (titles are translated, ids are not); `action` sits beside it. */
export function InfoCard({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby={`card-${id}`}>
      <div className="flex items-center justify-between gap-3 border-b border-gray-100 px-5 py-2">
        <h2 id={`card-${id}`} className="py-1 text-sm font-semibold text-gray-900">
          {title}
        </h2>
        {action}
      </div>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 p-4 sm:p-5 xl:grid-cols-2">{children}</dl>
    </section>
  );
}

export function InfoItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5 text-sm sm:flex-row sm:gap-3">
      <dt className="shrink-0 text-gray-700 sm:w-52">{label}</dt>
      <dd className="min-w-0 text-gray-900">{children}</dd>
    </div>
  );
}
