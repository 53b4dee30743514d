"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { LogOut, UserRound } from "lucide-react";

export function UserMenu({ email }: { email: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="flex min-w-0 items-center gap-1.5 text-slate-200">
        <UserRound className="hidden size-4 sm:block" aria-hidden />
        <span data-testid="current-user" className="hidden max-w-[16rem] truncate sm:inline">
          {email}
        </span>
      </span>
      <button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          await signOut({ redirect: false });
          router.replace("/login");
          router.refresh();
        }}
        className="flex items-center gap-1 rounded px-2 py-1 whitespace-nowrap text-slate-300 hover:bg-white/10 hover:text-white"
      >
        <LogOut className="size-4" aria-hidden />
        退出登录
      </button>
    </div>
  );
}
