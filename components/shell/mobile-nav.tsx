"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DialogContent } from "../ui/dialog";
import { SideNav, type NavItem } from "./side-nav";

/** Below 1024 px the left nav folds into this menu button, which opens it as a sheet. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const t = useTranslations("shell.nav");
  const [open, setOpen] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger
        aria-label={t("open")}
        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white lg:hidden"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M2 4h12M2 8h12M2 12h12" />
        </svg>
      </RadixDialog.Trigger>
      <DialogContent title={t("menu")} placement="left">
        {/* Following a link closes the sheet. */}
        <div
          className="min-h-0 flex-1 overflow-y-auto py-3"
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          <p className="px-4 pb-2 text-xs font-semibold tracking-wide text-gray-600 uppercase">{t("section")}</p>
          <SideNav label={t("label")} items={items} autoFocusCurrent />
        </div>
      </DialogContent>
    </RadixDialog.Root>
  );
}
