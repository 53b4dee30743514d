import type { Metadata } from "next";

import { describeUserAgent } from "@/lib/auth/device-label";
import { requireUser } from "@/lib/auth/session";
import { listConsoleSessions } from "@/lib/data/console-sessions";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionTable, SignOutOthersButton } from "@/components/account/session-table";
import { PageHeader } from "@/components/console/page-header";

export const metadata: Metadata = { title: "账号安全" };

export default async function AccountPage() {
  const user = await requireUser();
  const sessions = await listConsoleSessions({ userId: user.id });
  return (
    <>
      <PageHeader breadcrumb="个人中心 / 安全设置" title="账号安全" description={`登录账号：${user.email}`} />
      <div className="space-y-4">
        <Card>
          <CardHeader title="修改登录密码" />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="登录会话"
            description="每次登录控制台即一个会话，7 天未使用自动失效。发现陌生设备请退出该会话并修改密码。"
            actions={<SignOutOthersButton disabled={sessions.length <= 1} />}
          />
          <SessionTable
            sessions={sessions.map((s) => ({
              id: s.id,
              device: describeUserAgent(s.userAgent),
              ip: s.ip,
              createdAt: s.createdAt.toISOString(),
              lastSeenAt: s.lastSeenAt.toISOString(),
              current: s.id === user.sessionId,
            }))}
          />
        </Card>
      </div>
    </>
  );
}
