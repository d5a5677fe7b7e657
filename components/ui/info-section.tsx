import type { ReactNode } from "react";

/** A block of guidance under a page's table (connecting, calling the OpenAPI): a titled card of text. */
export function InfoSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="rounded-sm border border-gray-200 bg-white p-4 text-sm text-gray-800 sm:p-5" aria-labelledby={id}>
      <h2 id={id} className="font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
