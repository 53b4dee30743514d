import type { Metadata } from "next";
import type { ReactNode } from "react";

import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "印刷文字识别控制台", template: "%s · 印刷文字识别控制台" },
  description: "自托管的印刷文字识别（OCR）平台：通用型OCR、身份证识别、车牌识别、营业执照识别",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
