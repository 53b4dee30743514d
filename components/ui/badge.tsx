import type { HTMLAttributes } from "react";

import { cn } from "./cn";

const TONES = {
  neutral: "bg-slate-100 text-slate-600 border-slate-200",
  primary: "bg-primary-soft text-primary border-blue-200",
  success: "bg-emerald-50 text-emerald-700 border-emerald-200",
  warning: "bg-amber-50 text-amber-700 border-amber-200",
  danger: "bg-red-50 text-red-700 border-red-200",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn("inline-flex items-center rounded border px-1.5 py-px text-xs font-medium whitespace-nowrap", TONES[tone], className)}
      {...props}
    />
  );
}
