"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";

import { createAccessKeyAction, deleteAccessKeyAction, setAccessKeyEnabledAction } from "@/lib/actions/access-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { SecretRevealDialog } from "@/components/apps/secret-reveal-dialog";
import { PasswordConfirmDialog } from "@/components/auth/password-confirm-dialog";
import { EmptyState } from "@/components/console/empty-state";
import { formatDateTime } from "@/components/format";

export interface AccessKeyRow {
  accessKey: string;
  enabled: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

// Lives in the card header (never inside the empty state, which unmounts when the first key appears).
// A new SK needs the login password again, like the AppSecret.
export function CreateAccessKeyButton({ disabled }: { disabled?: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [created, setCreated] = useState<{ accessKey: string; secretKey: string } | null>(null);

  async function create(password: string): Promise<string | null> {
    const res = await createAccessKeyAction({ password });
    if (!res.ok) return res.error;
    setConfirming(false);
    setCreated(res.data);
    return null;
  }

  return (
    <>
      <Button disabled={disabled} onClick={() => setConfirming(true)}>
        <Plus className="size-4" aria-hidden />
        新建 AccessKey
      </Button>
      <PasswordConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        description="为保护账号安全，新建 AccessKey 前请输入登录密码"
        submitLabel="验证并创建"
        onConfirm={create}
      />
      <SecretRevealDialog
        open={created !== null}
        title="AccessKey 创建成功"
        notice="SecretKey 仅在此显示一次，关闭后无法再次查看，请立即复制并妥善保存。如遗失，请删除后重新创建。"
        items={
          created
            ? [
                { label: "AccessKey", value: created.accessKey },
                { label: "SecretKey", value: created.secretKey },
              ]
            : []
        }
        onClose={() => {
          setCreated(null);
          router.refresh();
        }}
      />
    </>
  );
}

export function AccessKeyTable({ keys }: { keys: AccessKeyRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  if (keys.length === 0)
    return (
      <EmptyState
        title="还没有 AccessKey"
        description="AccessKey / SecretKey 用于 API 请求签名（Eop-Authorization）。点击右上角「新建 AccessKey」创建。"
      />
    );

  return (
    <>
      <Table aria-label="AccessKey 列表">
        <THead>
          <tr>
            <Th>AccessKey</Th>
            <Th>SecretKey</Th>
            <Th>状态</Th>
            <Th>创建时间</Th>
            <Th>最近使用</Th>
            <Th className="text-right">操作</Th>
          </tr>
        </THead>
        <TBody>
          {keys.map((k) => (
            <Tr key={k.accessKey}>
              <Td>
                <code className="font-mono text-xs">{k.accessKey}</code>
                <CopyButton value={k.accessKey} className="ml-1" />
              </Td>
              <Td className="text-xs text-muted">仅创建时显示</Td>
              <Td>{k.enabled ? <Badge tone="success">启用</Badge> : <Badge tone="neutral">已禁用</Badge>}</Td>
              <Td className="text-xs text-muted">{formatDateTime(k.createdAt)}</Td>
              <Td className="text-xs text-muted">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "从未使用"}</Td>
              <Td className="text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  loading={busy === k.accessKey}
                  aria-label={`${k.enabled ? "禁用" : "启用"} ${k.accessKey}`}
                  onClick={async () => {
                    setBusy(k.accessKey);
                    const res = await setAccessKeyEnabledAction({ accessKey: k.accessKey, enabled: !k.enabled });
                    setBusy(null);
                    if (!res.ok) return toast(res.error, "error");
                    toast(k.enabled ? "AccessKey 已禁用，使用它签名的请求将返回 10002" : "AccessKey 已启用");
                    router.refresh();
                  }}
                >
                  {k.enabled ? "禁用" : "启用"}
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-danger hover:bg-red-50"
                  aria-label={`删除 ${k.accessKey}`}
                  onClick={() => setConfirmDelete(k.accessKey)}
                >
                  删除
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Dialog
        open={confirmDelete !== null}
        onClose={() => setConfirmDelete(null)}
        title="删除 AccessKey"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(null)}>
              取消
            </Button>
            <Button
              variant="dangerSolid"
              loading={busy === confirmDelete}
              onClick={async () => {
                if (!confirmDelete) return;
                setBusy(confirmDelete);
                const res = await deleteAccessKeyAction({ accessKey: confirmDelete });
                setBusy(null);
                setConfirmDelete(null);
                if (!res.ok) return toast(res.error, "error");
                toast("AccessKey 已删除");
                router.refresh();
              }}
            >
              确认删除
            </Button>
          </>
        }
      >
        <p className="text-sm">
          删除后使用 <code className="font-mono">{confirmDelete}</code> 签名的请求将立即失败（10002），且无法恢复。建议先禁用观察一段时间。
        </p>
      </Dialog>
    </>
  );
}
