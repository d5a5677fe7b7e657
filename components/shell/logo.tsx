/** The product's mark: the same letters in every language. */
export const LOGO_TEXT = "DTS";

/** The DTS badge of the top bar and sign-in: white on orange-700 (5.2:1, WCAG AA for its small text). */
export function LogoMark({ size = "sm" }: { size?: "sm" | "lg" }) {
  return (
    <span aria-hidden className={size === "lg" ? "logo logo-lg" : "logo"}>
      {LOGO_TEXT}
    </span>
  );
}
