"use client";

import { useState } from "react";
import { Eye } from "lucide-react";

import { revealAppSecretAction } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { PasswordConfirmDialog } from "@/components/auth/password-confirm-dialog";

/** AppSecret masked until the user re-enters the login password. */
export function AppSecretField({ appId }: { appId: string }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  async function reveal(password: string): Promise<string | null> {
    const res = await revealAppSecretAction({ appId, password });
    if (!res.ok) return res.error;
    setSecret(res.data.appSecret);
    setOpen(false);
    return null;
  }

  return (
    <div className="flex items-center gap-2">
      <code className="font-mono text-sm" data-testid="app-secret">
        {secret ?? "••••••••••••••••••••••••••••••••"}
      </code>
      {secret ? (
        <>
          <CopyButton value={secret} label="复制 AppSecret" />
          <button type="button" className="text-xs text-muted hover:text-ink" onClick={() => setSecret(null)}>
            隐藏
          </button>
        </>
      ) : (
        <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
          <Eye className="size-3.5" aria-hidden />
          查看
        </Button>
      )}
      <PasswordConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        description="为保护密钥安全，查看 AppSecret 前请输入登录密码"
        submitLabel="验证并查看"
        onConfirm={reveal}
      />
    </div>
  );
}
