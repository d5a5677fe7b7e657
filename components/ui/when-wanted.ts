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
  // A pointer's press on the plain trigger, not yet released: the trigger stays plain until it is.
  const [holding, setHolding] = useState(false);
  const element = useRef<HTMLElement | null>(null);
  const pressed = useRef(false);
  /** Whether the plain trigger holds the focus (handed to the popup's trigger as it mounts). */
  const plainFocused = () => element.current !== null && element.current === document.activeElement;
  // Stops waiting for a press to end (below); also when the control goes.
  const afterPressEnds = useRef<(() => void)[]>([]);
  // The pointer whose press holds the plain trigger: only its release ends the hold.
  const holdingPointer = useRef<number | null>(null);
  const stopWaiting = useRef<() => void>(() => {});
  useEffect(() => () => stopWaiting.current(), []);
  /**
   * Runs `then` once the press under way has ended (a pointer's or a key's, or the window lost the
   * focus) and its click has run. A hover, a focus and a press may all ask: one wait serves them.
   */
  const afterPress = (then: () => void) => {
    afterPressEnds.current.push(then);
    if (afterPressEnds.current.length > 1) return;
    const ends = ["pointerup", "pointercancel", "keyup", "blur"] as const;
    const ended = (event: Event) => {
      // The window's own blur, not an element's (the press itself moves the focus).
      if (event.type === "blur" && event.target !== window) return;
      // A held pointer's press ends with that pointer's release, not a key's or another finger's.
      if (holdingPointer.current !== null && event.type !== "blur") {
        if ((event as { pointerId?: number }).pointerId !== holdingPointer.current) return;
      }
      const waiting = afterPressEnds.current;
      stopWaiting.current();
      setTimeout(() => {
        for (const run of waiting) run();
      }, 0);
    };
    stopWaiting.current = () => {
      for (const type of ends) window.removeEventListener(type, ended, true);
      afterPressEnds.current = [];
      holdingPointer.current = null;
      stopWaiting.current = () => {};
    };
    for (const type of ends) window.addEventListener(type, ended, true);
  };
  /** Wanted by a hover or focus (null), or pressed by a key or by the pointer of that id. */
  const want = (press: { pointerId: number } | "key" | null) => {
    if (press) {
      pressed.current = true;
      // The code came with a hover just before this press, and the swap it set is not drawn yet
      // (the plain trigger took the press): the popup it brings opens, as the press asked.
      setState((current) =>
        current && !current.wanted.defaultOpen ? { ...current, wanted: { ...current.wanted, defaultOpen: true } } : current,
      );
    }
    if (press !== null && press !== "key") {
      // A menu's trigger pressed by a pointer stays the plain one until the press ends, whenever
      // the code comes: its release and click land on the element its press did (CI lost a menu
      // whose code came mid-press). Then the popup comes, open, with the focus the press gave.
      setHolding(true);
      holdingPointer.current = press.pointerId;
      afterPress(() => {
        const autoFocus = plainFocused();
        setState((current) => (current ? { ...current, wanted: { ...current.wanted, defaultOpen: true, autoFocus } } : current));
        setHolding(false);
      });
    }
    void load().then((Popup) => {
      loaded.set(load, Popup);
      const swap = () => {
        // Read as the plain trigger is swapped for the popup's own.
        const el = element.current;
        const wanted = {
          defaultOpen: pressed.current,
          autoFocus: plainFocused(),
          hovered: el?.matches(":hover") ?? false,
        };
        setState((current) => current ?? { Popup, wanted });
      };
      // A press under way on a tooltip's child: swapping the element now would put its press and
      // release on different elements, and its click would be lost. Swap once the press has ended.
      if (!pressed.current && element.current?.matches(":active")) afterPress(swap);
      else swap();
    });
  };
  /** The plain trigger's handlers: loading starts on hover or focus. */
  const intent = {
    ref: (el: HTMLElement | null) => {
      element.current = el;
    },
    onPointerEnter: () => want(null),
    onFocus: () => want(null),
  };
  return {
    Popup: holding ? null : (state?.Popup ?? null),
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
      ...pressIntent(want),
    }),
  };
}

/**
 * A plain trigger is pressed on a left button down or Enter, Space and ArrowDown (as Radix's menu
 * triggers open), not on click: a click whose press and release straddle the swap lands on neither.
 */
function pressIntent(open: (by: { pointerId: number } | "key") => void) {
  return {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      // A disabled trigger (a lapsed session) takes no press: React passes pointer events to it.
      if ((event.currentTarget as HTMLButtonElement).disabled || event.button !== 0 || event.ctrlKey) return;
      // A touch's or pen's tap sends its mouse events (and the focus) after the release, when the
      // popup may be in: as Radix's own trigger does, they are not sent, and the popup takes focus.
      if (event.pointerType !== "mouse") event.preventDefault();
      open({ pointerId: event.pointerId });
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
        event.preventDefault();
        open("key");
      }
    },
  };
}
