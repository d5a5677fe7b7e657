"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";

export interface NavItem {
  href: string;
  label: string;
}

/** A vertical nav; the item whose path the page is on (or below) is marked current. */
export function SideNav({ items, label, exact = false }: { items: NavItem[]; label: string; exact?: boolean }) {
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
                className={cn(
                  "block border-l-2 px-4 py-2 text-sm",
                  active ? "border-blue-600 bg-blue-50 font-medium text-blue-700" : "border-transparent text-gray-700 hover:bg-gray-50 hover:text-blue-600",
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
