import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";

import { getSessionUser } from "@/lib/auth/session";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "登录" };

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/overview");
  return (
    <AuthCard
      title="登录控制台"
      subtitle="使用邮箱和密码登录印刷文字识别控制台"
      footer={
        <>
          还没有账号？
          <Link href="/register" className="text-primary hover:underline">
            立即注册
          </Link>
        </>
      }
    >
      <Suspense>
        <LoginForm />
      </Suspense>
    </AuthCard>
  );
}
