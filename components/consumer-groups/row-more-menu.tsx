"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useRef, type ComponentProps } from "react";
import { useLandmark } from "../ui/use-landmark";
import type { Wanted } from "../ui/when-wanted";

const itemClass =
  "flex cursor-pointer rounded-sm px-2 py-1.5 text-sm text-gray-800 outline-none data-[highlighted]:bg-blue-100 data-[highlighted]:text-blue-900";

/** A row's More menu, loaded when first wanted (group-actions.tsx draws its trigger until then). */
export function RowMoreMenu<K extends string>({
  items,
  onChoose,
  onWant,
  trigger,
  defaultOpen,
  autoFocus,
}: {
  items: { kind: K; label: string }[];
  /** an item was chosen; `trigger` is where focus goes back when what it opens ends */
  onChoose: (kind: K, trigger: HTMLElement | null) => void;
  /** an item has focus: what it opens may start loading */
  onWant: (kind: K) => void;
  trigger: ComponentProps<"button">;
} & Wanted) {
  const landmark = useLandmark("main");
  const more = useRef<HTMLButtonElement>(null);
  return (
    <Menu.Root modal={false} defaultOpen={defaultOpen}>
      <Menu.Trigger ref={more} {...trigger} autoFocus={autoFocus} />
      <Menu.Portal container={landmark}>
        <Menu.Content align="end" sideOffset={4} className="z-50 min-w-40 rounded-sm border border-gray-200 bg-white p-1 shadow-xl">
          {items.map(({ kind, label }) => (
            <Menu.Item
              key={kind}
              onFocus={() => onWant(kind)}
              // The menu closes; its trigger takes focus back when the dialog ends.
              onSelect={() => onChoose(kind, more.current)}
              className={itemClass}
            >
              {label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
