"use client";

import { useState, type FormEvent } from "react";
import { Eye } from "lucide-react";

import { revealAppSecretAction } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";

/** AppSecret masked until the user re-enters the login password. */
export function AppSecretField({ appId }: { appId: string }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setPending(true);
    const res = await revealAppSecretAction({ appId, password });
    setPending(false);
    if (!res.ok) return setError(res.error);
    setSecret(res.data.appSecret);
    setOpen(false);
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
        <Button variant="ghost" size="sm" onClick={() => { setError(null); setOpen(true); }}>
          <Eye className="size-3.5" aria-hidden />
          查看
        </Button>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} title="身份验证" description="为保护密钥安全，查看 AppSecret 前请输入登录密码">
        <form onSubmit={onSubmit} className="space-y-4" aria-label="验证登录密码">
          <Field id="reveal-password" label="登录密码" error={error ?? undefined}>
            <Input id="reveal-password" name="password" type="password" autoComplete="current-password" autoFocus aria-invalid={!!error} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button type="submit" loading={pending}>
              验证并查看
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
