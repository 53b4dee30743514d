"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import { Menu, ScanText, X } from "lucide-react";

import { cn } from "@/components/ui/cn";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

// Below the md breakpoint (phones, 390 px) the sidebar is a drawer opened from the header's 菜单
// button; it closes on navigation, on Escape and on a tap outside. From md up it is always shown.
export function ConsoleShell({ email, children }: { email: string; children: ReactNode }) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point
  useEffect(() => setMenuOpen(false), [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setMenuOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [menuOpen]);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm text-primary focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        跳到主要内容
      </a>
      <header className="sticky top-0 z-30 flex h-12 items-center justify-between gap-2 bg-nav px-3 text-white shadow sm:px-4">
        <div className="flex min-w-0 items-center gap-1">
          <button
            type="button"
            className="rounded p-1.5 text-slate-200 hover:bg-white/10 md:hidden"
            aria-expanded={menuOpen}
            aria-controls="console-sidebar"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
            <span className="sr-only">{menuOpen ? "关闭菜单" : "菜单"}</span>
          </button>
          <Link href="/overview" className="flex min-w-0 items-center gap-2 font-semibold tracking-wide whitespace-nowrap">
            <ScanText className="size-5 shrink-0 text-sky-400" aria-hidden />
            印刷文字识别
            <span className="ml-1 hidden rounded bg-white/10 px-1.5 py-0.5 text-[11px] font-normal text-slate-300 sm:inline">
              管理控制台
            </span>
          </Link>
        </div>
        <UserMenu email={email} />
      </header>
      <div className="flex flex-1">
        {menuOpen && (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden
            className="fixed inset-0 top-12 z-30 bg-slate-900/40 md:hidden"
            onClick={() => setMenuOpen(false)}
          />
        )}
        <div
          id="console-sidebar"
          className={cn(
            "w-56 shrink-0 bg-[#222b3a] md:block",
            menuOpen ? "fixed top-12 bottom-0 left-0 z-40 block overflow-y-auto shadow-xl" : "hidden",
          )}
        >
          <aside className="md:sticky md:top-12 md:h-[calc(100vh-3rem)] md:overflow-y-auto">
            <SidebarNav />
          </aside>
        </div>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 focus:outline-none sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
