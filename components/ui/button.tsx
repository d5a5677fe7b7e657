import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-blue-600 text-white hover:bg-blue-700 border border-blue-600 disabled:bg-blue-300 disabled:border-blue-300",
  secondary:
    "bg-white text-gray-800 border border-gray-300 hover:border-blue-500 hover:text-blue-600 disabled:text-gray-500 disabled:border-gray-200 disabled:bg-gray-50",
  ghost: "text-gray-600 hover:bg-gray-100 border border-transparent",
  danger: "bg-red-600 text-white hover:bg-red-700 border border-red-600 disabled:bg-red-300",
  link: "text-blue-700 hover:underline border border-transparent px-0",
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", className, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cn(
        // The base utilities as one component class (app/globals.css): every button sends them once.
        "btn",
        size === "sm" ? "h-7 px-2.5 text-xs" : "h-8 px-3.5 text-sm",
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
});
