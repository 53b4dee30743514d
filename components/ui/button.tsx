import { forwardRef, type ButtonHTMLAttributes } from "react";
import { Loader2 } from "lucide-react";

import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-primary text-white hover:bg-primary-hover border border-primary",
  secondary: "bg-white text-ink border border-line hover:border-primary hover:text-primary",
  ghost: "bg-transparent text-primary hover:bg-primary-soft border border-transparent",
  danger: "bg-white text-danger border border-line hover:border-danger",
  dangerSolid: "bg-danger text-white border border-danger hover:opacity-90",
} as const;

const SIZES = { sm: "h-7 px-2.5 text-xs", md: "h-8 px-3.5 text-sm", lg: "h-10 px-5 text-sm" } as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  loading?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", size = "md", loading = false, disabled, className, children, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(
        "inline-flex items-center justify-center gap-1.5 rounded font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    >
      {loading && <Loader2 className="size-3.5 animate-spin" aria-hidden />}
      {children}
    </button>
  );
});

/** Same look as Button for links (next/link passes className through). */
export const buttonClass = (variant: keyof typeof VARIANTS = "primary", size: keyof typeof SIZES = "md", className?: string) =>
  cn(
    "inline-flex items-center justify-center gap-1.5 rounded font-medium whitespace-nowrap transition-colors",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
