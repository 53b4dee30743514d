"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";

import { createAppAction } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { AppFormDialog } from "./app-form-dialog";
import { SecretRevealDialog } from "./secret-reveal-dialog";

export function CreateAppButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ appKey: string; appSecret: string } | null>(null);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        新增应用
      </Button>
      <AppFormDialog
        open={open}
        title="新增应用"
        onClose={() => setOpen(false)}
        onSubmit={async (values) => {
          const res = await createAppAction(values);
          if (!res.ok) return { error: res.error, fieldErrors: res.fieldErrors };
          setOpen(false);
          setCreated({ appKey: res.data.appKey, appSecret: res.data.appSecret });
        }}
      />
      <SecretRevealDialog
        open={created !== null}
        title="应用创建成功"
        notice="请保存好 AppKey 和 AppSecret。AppSecret 之后只能在验证登录密码后查看。"
        items={
          created
            ? [
                { label: "AppKey", value: created.appKey },
                { label: "AppSecret", value: created.appSecret },
              ]
            : []
        }
        onClose={() => {
          setCreated(null);
          router.refresh();
        }}
      />
    </>
  );
}
