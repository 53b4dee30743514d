"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";

import { changePasswordAction } from "@/lib/actions/account";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** 修改登录密码: on success every other session of the account is signed out (the toast says how many). */
export function ChangePasswordForm() {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setPending(true);
    const res = await changePasswordAction({
      current: String(data.get("current") ?? ""),
      password: String(data.get("password") ?? ""),
      confirm: String(data.get("confirm") ?? ""),
    });
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? { current: res.error });
      return;
    }
    setErrors({});
    form.reset();
    toast(res.data.signedOut > 0 ? `密码已修改，已退出其他 ${res.data.signedOut} 个会话` : "密码已修改");
    router.refresh();
  }

  const field = (name: "current" | "password" | "confirm", label: string, autoComplete: string) => (
    <Field id={`account-${name}`} label={label} error={errors[name]} required>
      <Input
        id={`account-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={!!errors[name]}
        aria-describedby={errors[name] ? `account-${name}-error` : undefined}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" aria-label="修改登录密码" noValidate>
      {field("current", "当前密码", "current-password")}
      {field("password", "新密码", "new-password")}
      {field("confirm", "确认新密码", "new-password")}
      <p className="text-xs text-muted">修改后，除当前浏览器外的所有登录会话将立即退出。</p>
      <Button type="submit" loading={pending}>
        修改密码
      </Button>
    </form>
  );
}
