import type { ReactNode } from "react";

export function InfoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-sm border border-gray-200 bg-white" aria-labelledby={`card-${title}`}>
      <h2 id={`card-${title}`} className="border-b border-gray-100 px-5 py-3 text-sm font-semibold text-gray-900">
        {title}
      </h2>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 p-5 md:grid-cols-2">{children}</dl>
    </section>
  );
}

export function InfoItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-3 text-sm">
      <dt className="w-44 shrink-0 text-gray-500">{label}</dt>
      <dd className="min-w-0 break-all text-gray-900">{children}</dd>
    </div>
  );
}
