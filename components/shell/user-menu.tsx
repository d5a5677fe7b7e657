"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { signOut } from "next-auth/react";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function UserMenu({ username, role }: { username: string; role: Role }) {
  return (
    <Menu.Root>
      <Menu.Trigger className="flex h-8 items-center gap-2 rounded-sm px-2 text-sm text-white hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white">
        <span aria-hidden className="flex h-6 w-6 items-center justify-center rounded-full bg-orange-500 text-xs font-semibold uppercase">
          {username.slice(0, 1)}
        </span>
        <span>{username}</span>
        <span className="rounded-sm bg-white/15 px-1.5 py-0.5 text-xs">{ROLE_LABELS[role]}</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 min-w-44 rounded-sm border border-gray-200 bg-white p-1 shadow-xl">
          <Menu.Label className="px-2 py-1.5 text-xs text-gray-500">
            Signed in as <span className="font-medium text-gray-800">{username}</span>
          </Menu.Label>
          <Menu.Separator className="my-1 h-px bg-gray-100" />
          <Menu.Item
            onSelect={() => signOut({ callbackUrl: "/login" })}
            className="cursor-pointer rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-50"
          >
            Sign out
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
