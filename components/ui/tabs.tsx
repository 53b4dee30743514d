"use client";

import { useId, type ReactNode } from "react";

import { cn } from "./cn";

/** Controlled tabs with the WAI-ARIA tablist pattern (arrow keys move between tabs). */
export function Tabs<T extends string>({
  value,
  onChange,
  items,
  label,
  className,
}: {
  value: T;
  onChange: (value: T) => void;
  items: { value: T; label: ReactNode }[];
  label: string;
  className?: string;
}) {
  const id = useId();
  const move = (delta: number) => {
    const index = items.findIndex((i) => i.value === value);
    const next = items[(index + delta + items.length) % items.length];
    if (next) {
      onChange(next.value);
      document.getElementById(`${id}-${next.value}`)?.focus();
    }
  };
  return (
    <div role="tablist" aria-label={label} className={cn("flex gap-1 border-b border-line", className)}>
      {items.map((item) => {
        const selected = item.value === value;
        return (
          <button
            key={item.value}
            id={`${id}-${item.value}`}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(item.value)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(1);
              if (e.key === "ArrowLeft") move(-1);
            }}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm transition-colors",
              selected ? "border-primary font-medium text-primary" : "border-transparent text-muted hover:text-ink",
            )}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

/** Segmented control (small radio group), e.g. 24 小时 / 7 天 / 30 天. */
export function Segmented<T extends string>({
  value,
  onChange,
  items,
  label,
}: {
  value: T;
  onChange: (v: T) => void;
  items: { value: T; label: string }[];
  label: string;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="inline-flex rounded border border-line bg-white p-0.5">
      {items.map((item) => (
        // biome-ignore lint/a11y/useSemanticElements: a segmented control of buttons exposed as a radio group (aria-checked)
        <button
          key={item.value}
          type="button"
          role="radio"
          aria-checked={item.value === value}
          onClick={() => onChange(item.value)}
          className={cn("rounded-sm px-2.5 py-1 text-xs", item.value === value ? "bg-primary text-white" : "text-muted hover:text-ink")}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
