"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";

/**
 * 身份验证: asks for the login password before a secret is handed out. `onConfirm` gets the
 * password and answers the error to show, or null when done (the caller closes the dialog).
 */
export function PasswordConfirmDialog({
  open,
  onClose,
  description,
  submitLabel,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  description: string;
  submitLabel: string;
  onConfirm: (password: string) => Promise<string | null>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setPending(true);
    setError(await onConfirm(password));
    setPending(false);
  }

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <Dialog open={open} onClose={close} title="身份验证" description={description}>
      <form onSubmit={onSubmit} className="space-y-4" aria-label="验证登录密码">
        <Field id="confirm-password" label="登录密码" error={error ?? undefined}>
          <Input id="confirm-password" name="password" type="password" autoComplete="current-password" autoFocus aria-invalid={!!error} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            取消
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
