/** The product's mark: the same letters in every language. */
export const LOGO_TEXT = "DTS";

/** The DTS badge of the top bar and sign-in: white on orange-700 (5.2:1, WCAG AA for its small text). */
export function LogoMark({ size = "sm" }: { size?: "sm" | "lg" }) {
  return (
    <span
      aria-hidden
      className={`flex items-center justify-center rounded-sm bg-orange-700 font-bold text-white ${size === "lg" ? "h-8 w-8 text-xs" : "h-6 w-6 text-[11px]"}`}
    >
      {LOGO_TEXT}
    </span>
  );
}
