import type { ReactNode } from "react";

/** A panel's title (`id` names the panel), its introduction, and its main action on the right. */
export function PanelHeader({
  id,
  title,
  intro,
  className = "",
  children,
}: {
  id: string;
  title: string;
  intro: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`flex flex-wrap items-start justify-between gap-3 ${className}`}>
      <div className="max-w-3xl">
        <h2 id={id} className="text-sm font-semibold text-gray-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-gray-700">{intro}</p>
      </div>
      {children}
    </div>
  );
}
