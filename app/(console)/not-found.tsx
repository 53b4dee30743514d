import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

export default function ConsoleNotFound() {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-md border border-line bg-white p-6 text-center">
      <p className="text-4xl font-semibold text-slate-300">404</p>
      <h1 className="mt-2 text-base font-semibold">资源不存在</h1>
      <p className="mt-1 text-sm text-muted">您访问的应用、订单或页面不存在，或不属于当前账号。</p>
      <Link href="/overview" className={buttonClass("primary", "md", "mt-4")}>
        返回总览
      </Link>
    </div>
  );
}
