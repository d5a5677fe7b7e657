import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { RegionProvider } from "@/components/regions/region-context";
import { RegionSelector } from "@/components/regions/region-selector";
import { SideNav } from "@/components/shell/side-nav";
import { UserMenu } from "@/components/shell/user-menu";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listRegions, resolveRegion } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [regions, jar] = await Promise.all([listRegions(user), cookies()]);
  const region = resolveRegion(regions, jar.get(REGION_COOKIE)?.value);
  const nav = [{ href: "/change-tracking", label: "Change Tracking" }];
  if (can(user.role, "audit.read")) nav.push({ href: "/audit", label: "Audit Log" });
  nav.push({ href: "/access-keys", label: "AccessKeys" });

  return (
    <RegionProvider initialRegionId={region.id}>
      <div className="flex min-h-screen flex-col">
        <header className="sticky top-0 z-30 flex h-12 items-center gap-4 bg-[#1b2330] px-4 text-white shadow">
          <Link href="/change-tracking" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="flex h-6 w-6 items-center justify-center rounded-sm bg-orange-500 text-[11px] font-bold">
              DTS
            </span>
            <span>DTS Console</span>
          </Link>
          <span aria-hidden className="h-5 w-px bg-white/20" />
          <RegionSelector regions={regions} />
          <div className="ml-auto">
            <UserMenu username={user.username} role={user.role} />
          </div>
        </header>
        <div className="flex flex-1">
          <aside className="w-48 shrink-0 border-r border-gray-200 bg-white pt-3">
            <p className="px-4 pb-2 text-xs font-semibold uppercase tracking-wide text-gray-400">Data Transmission</p>
            <SideNav label="Console" items={nav} />
          </aside>
          <main className="min-w-0 flex-1 p-6">{children}</main>
        </div>
      </div>
    </RegionProvider>
  );
}
