import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ConsoleShell, type ShellNavItem } from "@/components/shell/console-shell";
import { requireUser } from "@/lib/auth/session";
import { displayTimeZone } from "@/lib/auth/time-zone";
import { can } from "@/lib/auth/roles";
import { listRegions, resolveRegion } from "@/lib/data/regions";
import { REGION_COOKIE } from "@/lib/regions";
import { APP_ICONS } from "../app-icons";
import { packRegions } from "@/components/regions/region-names";

export const metadata: Metadata = APP_ICONS;

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [regions, jar, timeZone] = await Promise.all([listRegions(user), cookies(), displayTimeZone(user)]);
  const region = resolveRegion(regions, jar.get(REGION_COOKIE)?.value);
  const nav: ShellNavItem[] = ["changeTracking", "lagging", "alerts"];
  if (can(user.role, "audit.read")) nav.push("audit");
  nav.push("accessKeys");

  return (
    <ConsoleShell
      nav={nav}
      regions={packRegions(regions)}
      regionId={region.id}
      username={user.username}
      role={user.role}
      timeZone={timeZone}
      followsBrowser={!user.timeZone}
    >
      {children}
    </ConsoleShell>
  );
}
