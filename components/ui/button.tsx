import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger" | "link";

/** A button's classes, for a link that looks like one (a file download). */
export function buttonClass(variant: Variant = "secondary", size: "sm" | "md" = "md", className?: string) {
  // Named component classes (app/controls.css): every button sends a few words, not its utilities.
  return cn("btn", size === "sm" ? "btn-sm" : "btn-md", `btn-${variant}`, className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", className, type = "button", ...props },
  ref,
) {
  return <button ref={ref} type={type} className={buttonClass(variant, size, className)} {...props} />;
});
