"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * A vertical nav; the item whose path the page is on (or below) is marked current. In the phone's
 * menu sheet `autoFocusCurrent` makes the current item the one focused when the sheet opens.
 */
export function SideNav({
  items,
  label,
  exact = false,
  autoFocusCurrent = false,
}: {
  items: NavItem[];
  label: string;
  exact?: boolean;
  autoFocusCurrent?: boolean;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="space-y-0.5">
        {items.map((item) => {
          const active = exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                data-autofocus={autoFocusCurrent && active ? "" : undefined}
                className="nav-link"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The instance pages' own nav: tabs across the top, so the tables below get the full width. */
export function TabNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-4 border-b border-gray-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => {
          const active = pathname === item.href;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block border-b-2 px-4 py-2 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600",
                  active ? "border-blue-600 font-medium text-blue-700" : "border-transparent text-gray-700 hover:text-blue-700",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
