"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";

import { revokeOtherSessionsAction, revokeSessionAction } from "@/lib/actions/account";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/components/format";

export interface SessionRow {
  id: string;
  device: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function SignOutOthersButton({ disabled }: { disabled: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={disabled}
      loading={pending}
      onClick={async () => {
        setPending(true);
        const res = await revokeOtherSessionsAction();
        setPending(false);
        if (!res.ok) return toast(res.error, "error");
        toast(`已退出其他 ${res.data.signedOut} 个会话`);
        router.refresh();
      }}
    >
      退出其他所有会话
    </Button>
  );
}

export function SessionTable({ sessions }: { sessions: SessionRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <Table aria-label="登录会话">
      <THead>
        <tr>
          <Th>设备</Th>
          <Th>IP 地址</Th>
          <Th>登录时间</Th>
          <Th>最近活动</Th>
          <Th className="text-right">操作</Th>
        </tr>
      </THead>
      <TBody>
        {sessions.map((s) => (
          <Tr key={s.id}>
            <Td className="text-sm">
              {s.device}
              {s.current && (
                <Badge tone="success" className="ml-2">
                  当前会话
                </Badge>
              )}
            </Td>
            <Td className="font-mono text-xs">{s.ip || "—"}</Td>
            <Td className="text-xs text-muted">{formatDateTime(s.createdAt)}</Td>
            <Td className="text-xs text-muted">{formatDateTime(s.lastSeenAt)}</Td>
            <Td className="text-right">
              {s.current ? (
                <span className="text-xs text-muted">—</span>
              ) : (
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-danger hover:bg-red-50"
                  loading={busy === s.id}
                  aria-label={`退出会话 ${s.device}（${formatDateTime(s.createdAt)} 登录）`}
                  onClick={async () => {
                    setBusy(s.id);
                    const res = await revokeSessionAction({ sessionId: s.id });
                    setBusy(null);
                    if (!res.ok) toast(res.error, "error");
                    else toast("该会话已退出登录");
                    router.refresh();
                  }}
                >
                  退出
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
