"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { deleteAppAction, updateAppAction } from "@/lib/actions/apps";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { AppFormDialog } from "./app-form-dialog";

export function AppRowActions({
  app,
  redirectAfterDelete,
}: {
  app: { id: string; name: string; description: string };
  redirectAfterDelete?: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex items-center justify-end gap-1">
      {!redirectAfterDelete && (
        <Link
          href={`/apps/${app.id}`}
          className="rounded px-2 py-1 text-xs text-primary hover:bg-primary-soft"
          aria-label={`开通：${app.name}`}
        >
          开通
        </Link>
      )}
      <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`编辑：${app.name}`}>
        编辑
      </Button>
      <Button
        variant="ghost"
        size="sm"
        className="text-danger hover:bg-red-50"
        onClick={() => setDeleting(true)}
        aria-label={`删除：${app.name}`}
      >
        删除
      </Button>
      <AppFormDialog
        open={editing}
        title="编辑应用"
        initial={app}
        submitLabel="保存"
        onClose={() => setEditing(false)}
        onSubmit={async (values) => {
          const res = await updateAppAction({ appId: app.id, ...values });
          if (!res.ok) return { error: res.error, fieldErrors: res.fieldErrors };
          setEditing(false);
          toast("应用已更新");
          router.refresh();
        }}
      />
      <Dialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title="删除应用"
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(false)}>
              取消
            </Button>
            <Button
              variant="dangerSolid"
              loading={pending}
              onClick={async () => {
                setPending(true);
                const res = await deleteAppAction(app.id);
                setPending(false);
                if (!res.ok) return toast(res.error, "error");
                setDeleting(false);
                toast("应用已删除");
                if (redirectAfterDelete) router.replace(redirectAfterDelete);
                router.refresh();
              }}
            >
              确认删除
            </Button>
          </>
        }
      >
        <p className="text-sm">
          确定删除应用「<strong>{app.name}</strong>」吗？删除后其 AppKey 立即失效，使用该 AppKey 的调用将返回
          40006。历史调用记录仍计入用量统计。
        </p>
      </Dialog>
    </div>
  );
}
