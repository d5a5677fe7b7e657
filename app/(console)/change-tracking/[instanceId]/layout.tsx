import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CurrentRegion } from "@/components/regions/region-context";
import { SideNav } from "@/components/shell/side-nav";
import { StatusBadge } from "@/components/tasks/status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requireUser } from "@/lib/auth/session";
import { getInstance } from "@/lib/data/tasks";

export default async function InstanceLayout({ children, params }: { children: ReactNode; params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const instance = await getInstance(await requireUser(), instanceId);
  if (!instance) notFound();
  const base = `/change-tracking/${instance.id}`;

  return (
    <div>
      <CurrentRegion regionId={instance.regionId} />
      <Breadcrumb
        items={[
          { label: "Change Tracking", href: `/change-tracking?region=${instance.regionId}` },
          { label: instance.id },
        ]}
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold text-gray-900">
          <span className="font-mono">{instance.id}</span>
          <span className="ml-2 text-base font-normal text-gray-500">{instance.name}</span>
        </h1>
        <StatusBadge status={instance.status} />
      </div>
      <div className="flex flex-col gap-4 lg:flex-row">
        <aside className="w-full shrink-0 self-start rounded-sm border border-gray-200 bg-white py-2 lg:w-40">
          <SideNav
            label="Instance"
            exact
            items={[
              { href: base, label: "Basic Information" },
              { href: `${base}/consume`, label: "Data Consume" },
            ]}
          />
        </aside>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
