import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";

import { cn } from "./cn";

/**
 * A table that scrolls sideways on narrow screens. The scroller is focusable so the keyboard can
 * scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
 */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      className="w-full overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-primary/40"
    >
      <table className={cn("w-full border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export const THead = (props: HTMLAttributes<HTMLTableSectionElement>) => (
  <thead className="bg-slate-50 text-left text-xs text-muted" {...props} />
);
export const TBody = (props: HTMLAttributes<HTMLTableSectionElement>) => <tbody className="divide-y divide-line" {...props} />;
export const Tr = ({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) => (
  <tr className={cn("hover:bg-slate-50/60", className)} {...props} />
);
export const Th = ({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th scope="col" className={cn("border-b border-line px-4 py-2.5 font-medium whitespace-nowrap", className)} {...props} />
);
export const Td = ({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td className={cn("px-4 py-2.5 align-middle", className)} {...props} />
);
