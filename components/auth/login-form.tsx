"use client";

import { useState, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";

import { loginSchema } from "@/lib/validation/auth";
import { errorsByField } from "@/lib/validation/field-errors";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";

const RATE_LIMITED = "RATE_LIMITED";

/** Only same-site paths are followed after login (no open redirect). */
const safeCallback = (value: string | null) => (value && value.startsWith("/") && !value.startsWith("//") ? value : "/overview");

export function LoginForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(errorsByField(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    const res = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error === RATE_LIMITED ? "登录失败次数过多，请 15 分钟后再试" : "邮箱或密码错误");
      return;
    }
    router.replace(safeCallback(params.get("callbackUrl")));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="登录">
      {params.get("registered") && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          注册成功，请登录。
        </p>
      )}
      <Field id="email" label="邮箱" error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" defaultValue={params.get("email") ?? ""} aria-invalid={!!fieldErrors.email} className="h-10" />
      </Field>
      <Field id="password" label="密码" error={fieldErrors.password}>
        <Input id="password" name="password" type="password" autoComplete="current-password" aria-invalid={!!fieldErrors.password} className="h-10" />
      </Field>
      {error && (
        <ErrorAlert>{error}</ErrorAlert>
      )}
      <Button type="submit" size="lg" loading={pending} className="w-full">
        登录
      </Button>
    </form>
  );
}
