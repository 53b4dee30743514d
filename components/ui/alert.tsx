import type { ReactNode } from "react";

import { cn } from "./cn";

/** A failure the user should read now (announced by screen readers). */
export function ErrorAlert({ children, className, as: Tag = "p" }: { children: ReactNode; className?: string; as?: "p" | "ul" }) {
  return (
    <Tag role="alert" className={cn("rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger", className)}>
      {children}
    </Tag>
  );
}
