import { notFound } from "next/navigation";
import { getTranslations } from "@/i18n/translator";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/instances/query-provider";
import { CurrentRegion } from "@/components/regions/region-context";
import { TabNav } from "@/components/shell/side-nav";
import { StatusBadge } from "@/components/tasks/status-badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requireUser } from "@/lib/auth/session";
import { getInstance } from "@/lib/data/tasks";

export default async function InstanceLayout({ children, params }: { children: ReactNode; params: Promise<{ instanceId: string }> }) {
  const { instanceId } = await params;
  const instance = await getInstance(await requireUser(), instanceId);
  if (!instance) notFound();
  const base = `/change-tracking/${instance.id}`;
  const t = await getTranslations("instance");

  return (
    <div>
      <CurrentRegion regionId={instance.regionId} />
      <Breadcrumb items={[{ label: t("breadcrumb"), href: `/change-tracking?region=${instance.regionId}` }, { label: instance.id }]} />
      <div className="page-head">
        <h1 className="page-title">
          <span className="font-mono">{instance.id}</span> <span className="page-title-sub">{instance.name}</span>
        </h1>
        <StatusBadge status={instance.status} />
      </div>
      {/* Tabs rather than a second left column: the Data Consume table gets the page's full width. */}
      <TabNav
        label={t("tabs.label")}
        items={[
          { href: base, label: t("tabs.basic") },
          { href: `${base}/consume`, label: t("tabs.consume") },
          { href: `${base}/monitoring`, label: t("tabs.monitoring") },
        ]}
      />
      <div className="min-w-0">
        <QueryProvider>{children}</QueryProvider>
      </div>
    </div>
  );
}
