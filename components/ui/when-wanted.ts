"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

/** How a popup was wanted before its code arrived: open it at once, and hand its trigger the focus back. */
export interface Wanted {
  /** pressed before the code arrived */
  defaultOpen: boolean;
  /** the plain trigger held the focus as it was swapped */
  autoFocus: boolean;
  /** the pointer was over the plain trigger as it was swapped (a tooltip shows at once) */
  hovered: boolean;
}

const loaded = new Map<() => Promise<unknown>, unknown>();

/**
 * A control whose popup (a Radix menu, sheet or tooltip) brings its own code, loaded when a person
 * first shows they want it: the pointer over its trigger, focus on it, or a press. Until then the
 * trigger is a plain element of the same look, given `intent`'s handlers (a tooltip's child) or
 * `plainTrigger`'s (a menu's or sheet's button, where a press made before the code arrived opens
 * the popup as soon as it does); focus on the trigger is handed to the real one. Once loaded for
 * one control, every later one renders the popup at once.
 * Radix's menus, dialogs and popper are not in the JavaScript that opens a page (README "Benchmark").
 */
export function useWhenWanted<C>(load: () => Promise<C>) {
  const [state, setState] = useState<{ Popup: C; wanted: Wanted } | null>(() => {
    const Popup = loaded.get(load) as C | undefined;
    return Popup ? { Popup, wanted: { defaultOpen: false, autoFocus: false, hovered: false } } : null;
  });
  const element = useRef<HTMLElement | null>(null);
  const pressed = useRef(false);
  // Stops waiting for a press to end (below); also when the control goes.
  const waiting = useRef(false);
  const stopWaiting = useRef<() => void>(() => {});
  useEffect(() => () => stopWaiting.current(), []);
  const want = (press: boolean) => {
    if (press) {
      pressed.current = true;
      // The code came with a hover just before this press, and the swap it set is not drawn yet
      // (the plain trigger took the press): the popup it brings opens, as the press asked.
      setState((current) =>
        current && !current.wanted.defaultOpen ? { ...current, wanted: { ...current.wanted, defaultOpen: true } } : current,
      );
    }
    void load().then((Popup) => {
      loaded.set(load, Popup);
      const swap = () => {
        // Read as the plain trigger is swapped for the popup's own.
        const el = element.current;
        const wanted = {
          defaultOpen: pressed.current,
          autoFocus: el !== null && el === document.activeElement,
          hovered: el?.matches(":hover") ?? false,
        };
        setState((current) => current ?? { Popup, wanted });
      };
      // A press under way on a tooltip's child (not a menu's press, which the popup takes over):
      // swapping the element now would put its press and release on different elements, and its
      // click would be lost. Swap once the press has ended (a pointer's or a key's) and its click
      // has run.
      if (!pressed.current && element.current?.matches(":active")) {
        if (waiting.current) return; // a hover and a focus both loaded it: one wait is enough
        waiting.current = true;
        const ends = ["pointerup", "pointercancel", "keyup", "blur"] as const;
        const ended = () => {
          stopWaiting.current();
          setTimeout(swap, 0);
        };
        stopWaiting.current = () => {
          for (const type of ends) window.removeEventListener(type, ended, true);
          waiting.current = false;
          stopWaiting.current = () => {};
        };
        for (const type of ends) window.addEventListener(type, ended, true);
      } else swap();
    });
  };
  /** The plain trigger's handlers: loading starts on hover or focus. */
  const intent = {
    ref: (el: HTMLElement | null) => {
      element.current = el;
    },
    onPointerEnter: () => want(false),
    onFocus: () => want(false),
  };
  return {
    Popup: state?.Popup ?? null,
    /** What the popup is told when it mounts, as it replaces the plain trigger. */
    wanted: state?.wanted ?? { defaultOpen: false, autoFocus: false, hovered: false },
    intent,
    /**
     * Everything the plain trigger button of a menu or sheet needs besides its look: what it
     * opens, closed for now, loading on hover or focus, pressed on a press (pressIntent).
     */
    plainTrigger: (popup: "menu" | "dialog") => ({
      type: "button" as const,
      "aria-haspopup": popup,
      "aria-expanded": false,
      ...intent,
      ...pressIntent(() => want(true)),
    }),
  };
}

/**
 * A plain trigger is pressed on a left button down or Enter, Space and ArrowDown (as Radix's menu
 * triggers open), not on click: a click whose press and release straddle the swap lands on neither.
 */
function pressIntent(open: () => void) {
  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.button === 0 && !event.ctrlKey) open();
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
        event.preventDefault();
        open();
      }
    },
  };
}
