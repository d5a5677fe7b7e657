"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

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
    <nav aria-label={label} className="tab-nav">
      <ul>
        {items.map((item) => {
          const active = pathname === item.href;
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={active ? "page" : undefined} className="tab-link">
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
