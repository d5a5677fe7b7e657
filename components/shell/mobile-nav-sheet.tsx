"use client";

import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import { DialogContent } from "../ui/dialog";
import { DialogRoot, DialogTrigger } from "../ui/dialog-root";
import type { Wanted } from "../ui/when-wanted";
import { SideNav, type NavItem } from "./side-nav";

/** The phone's navigation sheet, loaded when first wanted (mobile-nav.tsx draws its button until then). */
export function MobileNavSheet({
  items,
  trigger,
  defaultOpen,
  autoFocus,
}: { items: NavItem[]; trigger: ComponentProps<"button"> } & Wanted) {
  const t = useTranslations("shell.nav");
  const [open, setOpen] = useState(defaultOpen);
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <DialogTrigger>
        <button type="button" {...trigger} autoFocus={autoFocus} />
      </DialogTrigger>
      <DialogContent title={t("menu")} placement="left">
        {/* Following a link closes the sheet. */}
        <div
          className="min-h-0 flex-1 overflow-y-auto py-3"
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
        >
          <p className="side-title">{t("section")}</p>
          <SideNav label={t("label")} items={items} autoFocusCurrent />
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
