import Link from "next/link";
import type { ReactNode } from "react";
import { ScanText } from "lucide-react";

import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

export function ConsoleShell({ email, children }: { email: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 flex h-12 items-center justify-between bg-nav px-4 text-white shadow">
        <Link href="/overview" className="flex items-center gap-2 font-semibold tracking-wide">
          <ScanText className="size-5 text-sky-400" aria-hidden />
          印刷文字识别
          <span className="ml-1 rounded bg-white/10 px-1.5 py-0.5 text-[11px] font-normal text-slate-300">管理控制台</span>
        </Link>
        <UserMenu email={email} />
      </header>
      <div className="flex flex-1">
        <div className="w-56 shrink-0 bg-[#222b3a]">
          <aside className="sticky top-12 h-[calc(100vh-3rem)] overflow-y-auto">
            <SidebarNav />
          </aside>
        </div>
        <main id="main" className="min-w-0 flex-1 px-6 py-5">
          {children}
        </main>
      </div>
    </div>
  );
}
