"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, Boxes, FlaskConical, KeyRound, LayoutDashboard, LayoutGrid, Package } from "lucide-react";

import { cn } from "@/components/ui/cn";

const MAIN = [
  { href: "/overview", label: "总览", icon: LayoutDashboard },
  { href: "/capabilities", label: "能力列表", icon: Boxes },
  { href: "/apps", label: "我的应用", icon: LayoutGrid },
  { href: "/monitoring", label: "应用监控", icon: Activity },
  { href: "/packs", label: "资源包", icon: Package },
];

const PLAYGROUND = [
  { href: "/playground/general", label: "通用型OCR" },
  { href: "/playground/idcard", label: "身份证识别" },
  { href: "/playground/plate", label: "车牌识别" },
  { href: "/playground/license", label: "营业执照识别" },
];

export function SidebarNav() {
  const pathname = usePathname();
  const active = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const item = (href: string, label: string, Icon?: typeof Activity, indent = false) => (
    <li key={href}>
      <Link
        href={href}
        aria-current={active(href) ? "page" : undefined}
        className={cn(
          "flex items-center gap-2.5 rounded px-3 py-2 text-[13px] transition-colors",
          indent && "pl-9",
          active(href) ? "bg-primary/20 font-medium text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
        )}
      >
        {Icon && <Icon className="size-4 shrink-0" aria-hidden />}
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label="控制台导航" className="flex flex-col gap-5 px-3 py-4">
      <ul className="space-y-0.5">{MAIN.map((m) => item(m.href, m.label, m.icon))}</ul>
      <div>
        <p className="flex items-center gap-2.5 px-3 pb-1 text-xs text-slate-400">
          <FlaskConical className="size-4" aria-hidden />
          在线体验
        </p>
        <ul className="space-y-0.5">{PLAYGROUND.map((p) => item(p.href, p.label, undefined, true))}</ul>
      </div>
      <div>
        <p className="flex items-center gap-2.5 px-3 pb-1 text-xs text-slate-400">
          <KeyRound className="size-4" aria-hidden />
          个人中心
        </p>
        <ul className="space-y-0.5">
          {item("/access-keys", "AccessKey 管理", undefined, true)}
          {item("/account", "账号安全", undefined, true)}
        </ul>
      </div>
    </nav>
  );
}
