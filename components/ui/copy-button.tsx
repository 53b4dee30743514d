"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";

import { cn } from "./cn";

async function writeClipboard(text: string) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Plain-http self-hosting has no async clipboard: fall back to a hidden textarea.
    const el = document.createElement("textarea");
    el.value = text;
    el.style.position = "fixed";
    el.style.opacity = "0";
    document.body.appendChild(el);
    el.select();
    document.execCommand("copy");
    el.remove();
  }
}

export function CopyButton({ value, label = "复制", className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await writeClipboard(value);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
      className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-primary hover:bg-primary-soft", className)}
      aria-label={`${label}${copied ? "（已复制）" : ""}`}
    >
      {copied ? <Check className="size-3.5" /> : <Copy className="size-3.5" />}
      {copied ? "已复制" : label}
    </button>
  );
}
