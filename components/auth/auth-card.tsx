import type { ReactNode } from "react";
import { ScanText } from "lucide-react";

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <div className="hidden w-[42%] flex-col justify-between bg-gradient-to-br from-[#13203a] via-[#1b3566] to-[#1f6feb] p-10 text-white lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <ScanText className="size-6 text-sky-300" aria-hidden />
          印刷文字识别
        </div>
        <div className="space-y-3">
          <p className="text-3xl leading-snug font-semibold">将图片中的文字，识别成可编辑的文本</p>
          <p className="text-sm text-slate-200">通用型OCR · 身份证识别 · 车牌识别 · 营业执照识别。可私有化部署，接口与云上产品完全兼容。</p>
        </div>
        <p className="text-xs text-slate-300">自托管版 · 数据不出本机</p>
      </div>
      <div className="flex flex-1 items-center justify-center p-6">
        <div className="w-full max-w-sm">
          <h1 className="text-2xl font-semibold">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-muted">{subtitle}</p>}
          <div className="mt-6">{children}</div>
          {footer && <p className="mt-6 text-sm text-muted">{footer}</p>}
        </div>
      </div>
    </div>
  );
}
