import { CopyButton } from "./copy-button";

/** Preformatted code with a copy button in a bar above it (never over the text, which scrolls sideways). */
export function CodeBlock({ children, label, testId }: { children: string; label?: string; testId?: string }) {
  return (
    <div className="overflow-hidden rounded bg-slate-900">
      <div className="flex items-center justify-between gap-2 border-b border-white/10 px-3 py-1">
        <span className="font-mono text-[11px] text-slate-400">{label}</span>
        <CopyButton value={children} label={label ? `复制 ${label}` : "复制"} className="text-sky-300 hover:bg-white/10" />
      </div>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a sideways-scrolling block must be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
        tabIndex={0}
        data-testid={testId}
        className="overflow-x-auto p-4 font-mono text-xs leading-relaxed text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {children}
      </pre>
    </div>
  );
}
