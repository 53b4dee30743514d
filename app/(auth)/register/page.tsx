import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/session";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "注册" };

export default async function RegisterPage() {
  if (await getSessionUser()) redirect("/overview");
  return (
    <AuthCard
      title="注册账号"
      subtitle="注册后即可创建应用、开通能力并领取免费额度"
      footer={
        <>
          已有账号？
          <Link href="/login" className="text-primary hover:underline">
            去登录
          </Link>
        </>
      }
    >
      <RegisterForm />
    </AuthCard>
  );
}
