import type { Metadata } from "next";

import { requireUser } from "@/lib/auth/session";
import { MAX_ACCESS_KEYS_PER_USER, listAccessKeys } from "@/lib/data/access-keys";
import { Card, CardHeader } from "@/components/ui/card";
import { AccessKeyTable, CreateAccessKeyButton } from "@/components/access-keys/access-key-table";
import { PageHeader } from "@/components/console/page-header";

export const metadata: Metadata = { title: "AccessKey" };

export default async function AccessKeysPage() {
  const user = await requireUser();
  const keys = await listAccessKeys({ userId: user.id });
  return (
    <>
      <PageHeader
        breadcrumb="个人中心 / 安全设置"
        title="用户 AccessKey"
        description="AccessKey（ctyun-eop-ak）与 SecretKey（ctyun-eop-sk）用于生成 Eop-Authorization 签名，属于账号级凭证，请勿泄露。"
      />
      <Card>
        <CardHeader
          title="AccessKey 管理"
          description={`已创建 ${keys.length} / ${MAX_ACCESS_KEYS_PER_USER} 个`}
          actions={<CreateAccessKeyButton disabled={keys.length >= MAX_ACCESS_KEYS_PER_USER} />}
        />
        <AccessKeyTable
          keys={keys.map((k) => ({
            accessKey: k.accessKey,
            enabled: k.enabled,
            createdAt: k.createdAt.toISOString(),
            lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          }))}
        />
      </Card>
    </>
  );
}
