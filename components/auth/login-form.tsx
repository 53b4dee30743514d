"use client";

import { useState, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";

import { loginErrorText, loginSchema } from "@/lib/validation/auth";
import { safeRedirectPath } from "@/lib/validation/safe-redirect";
import { errorsByField } from "@/lib/validation/field-errors";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";

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
      setError(loginErrorText(res?.error ?? ""));
      return;
    }
    // Only same-origin paths are followed (no open redirect through a crafted login link).
    router.replace(safeRedirectPath(params.get("callbackUrl")));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="登录">
      {params.get("registered") && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-700">
          注册申请已提交，请用该邮箱和密码登录（若该邮箱此前已注册，请使用原密码）。
        </p>
      )}
      <Field id="email" label="邮箱" error={fieldErrors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={params.get("email") ?? ""}
          aria-invalid={!!fieldErrors.email}
          className="h-10"
        />
      </Field>
      <Field id="password" label="密码" error={fieldErrors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!fieldErrors.password}
          className="h-10"
        />
      </Field>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <Button type="submit" size="lg" loading={pending} className="w-full">
        登录
      </Button>
    </form>
  );
}
