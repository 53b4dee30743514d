"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";

import { registerAction } from "@/lib/actions/auth";
import { PASSWORD_MIN_LENGTH, registerSchema } from "@/lib/validation/auth";
import { errorsByField } from "@/lib/validation/field-errors";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";

export function RegisterForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { email: form.get("email"), name: form.get("name") ?? "", password: form.get("password"), confirm: form.get("confirm") };
    const parsed = registerSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(errorsByField(parsed.error));
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    const result = await registerAction(parsed.data);
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const res = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    if (!res || res.error) {
      router.replace(`/login?registered=1&email=${encodeURIComponent(parsed.data.email)}`);
      return;
    }
    router.replace("/overview");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="注册">
      <Field id="email" label="邮箱" required error={fieldErrors.email}>
        <Input id="email" name="email" type="email" autoComplete="email" aria-invalid={!!fieldErrors.email} className="h-10" />
      </Field>
      <Field id="name" label="昵称" hint="选填" error={fieldErrors.name}>
        <Input id="name" name="name" autoComplete="nickname" className="h-10" />
      </Field>
      <Field id="password" label="密码" required hint={`至少 ${PASSWORD_MIN_LENGTH} 位`} error={fieldErrors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!fieldErrors.password}
          className="h-10"
        />
      </Field>
      <Field id="confirm" label="确认密码" required error={fieldErrors.confirm}>
        <Input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!fieldErrors.confirm}
          className="h-10"
        />
      </Field>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <Button type="submit" size="lg" loading={pending} className="w-full">
        注册并登录
      </Button>
    </form>
  );
}
