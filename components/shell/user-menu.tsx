"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { useWhenWanted } from "../ui/when-wanted";

// The menu (Radix, its popper, next-auth's sign-out) loads when its trigger is first wanted.
const loadMenu = () => import("./user-menu-popup").then((m) => m.UserMenuPopup);

/**
 * The top bar's user menu: who is signed in, the time zone switch (UTC or the browser's own zone,
 * remembered per user, docs/rules.md "Preferences") and sign out. On a phone only the avatar shows.
 */
export function UserMenu({ username, role }: { username: string; role: Role }) {
  const tc = useTranslations("common");
  const { Popup, wanted, plainTrigger } = useWhenWanted(loadMenu);
  const trigger = {
    className: "top-btn h-8 gap-2 px-2 text-sm",
    children: (
      <>
        <span aria-hidden className="avatar">
          {username.slice(0, 1)}
        </span>
        {/* On a phone only the avatar shows; the name and role stay the button's accessible name. */}
        <span className="sr-only sm:not-sr-only">{username}</span>{" "}
        <span className="sr-only rounded-sm bg-white/15 px-1.5 py-0.5 text-xs sm:not-sr-only">{tc(`roles.${role}`)}</span>
      </>
    ),
  };
  if (Popup) return <Popup username={username} role={role} trigger={trigger} {...wanted} />;
  return <button {...trigger} {...plainTrigger("menu")} />;
}
