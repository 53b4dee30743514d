import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";

import { requireUser } from "@/lib/auth/session";
import { capabilityPath, CAPABILITIES } from "@/lib/capabilities/catalog";
import { listAccessKeys } from "@/lib/data/access-keys";
import { listApps } from "@/lib/data/apps";
import { formatEopDate } from "@/lib/playground/signed-client";
import { SignatureDebugger } from "@/components/signature/signature-debugger";
import { PageHeader } from "@/components/console/page-header";

export const metadata: Metadata = { title: "在线签名调试" };

export default async function SignatureDebugPage() {
  const user = await requireUser();
  const [keys, apps] = await Promise.all([listAccessKeys({ userId: user.id }), listApps({ userId: user.id })]);
  const paths = CAPABILITIES.map((c) => capabilityPath(c.id));
  // A fresh request id and the current date, so "计算签名" right away yields a header that works.
  const headers = [
    `appkey: ${apps[0]?.appKey ?? "<AppKey>"}`,
    `ctyun-eop-request-id: ${randomUUID()}`,
    `eop-date: ${formatEopDate(new Date())}`,
  ].join("\n");
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link href="/capabilities" className="hover:text-primary">
              能力列表
            </Link>{" "}
            / 在线签名调试
          </>
        }
        title="在线签名调试"
        description="输入请求的方法、路径、query、请求头与请求体，查看待签字符串、派生密钥和期望的 Eop-Authorization，并与你发送的对比。"
      />
      <SignatureDebugger
        defaults={{
          path: paths[0] ?? "",
          paths,
          headers,
          body: '{"data": ["/9j/4AAQSkZJRg=="]}',
          accessKey: keys.find((k) => k.enabled)?.accessKey ?? "",
        }}
      />
    </>
  );
}
