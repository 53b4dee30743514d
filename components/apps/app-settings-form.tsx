"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";

import { updateAppSettingsAction } from "@/lib/actions/apps";
import { MAX_APP_QPS, appSettingsSchema } from "@/lib/validation/app";
import { errorsByField } from "@/lib/validation/field-errors";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

export function AppSettingsForm({ appId, qpsLimit, ipAllowList }: { appId: string; qpsLimit: number; ipAllowList: string }) {
  const router = useRouter();
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = { appId, qpsLimit: data.get("qpsLimit"), ipAllowList: String(data.get("ipAllowList") ?? "") };
    const parsed = appSettingsSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const res = await updateAppSettingsAction(input);
    setPending(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? { _: res.error });
      return;
    }
    toast("调用设置已保存");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-[200px_1fr]" aria-label="调用设置">
      <Field id="qps" label="QPS 限制" error={errors.qpsLimit} hint={`每秒最多请求数，1–${MAX_APP_QPS}，超出返回 40029`}>
        <Input id="qps" name="qpsLimit" type="number" min={1} max={MAX_APP_QPS} defaultValue={qpsLimit} aria-invalid={!!errors.qpsLimit} />
      </Field>
      <Field
        id="ip-allow"
        label="IP 白名单"
        error={errors.ipAllowList ?? errors._}
        hint="每行一个 IPv4/IPv6 地址或 CIDR 网段（如 10.0.0.0/8）；留空表示不限制。不在名单内的调用返回 40009"
      >
        <Textarea
          id="ip-allow"
          name="ipAllowList"
          defaultValue={ipAllowList.split(",").filter(Boolean).join("\n")}
          rows={4}
          className="font-mono"
          aria-invalid={!!errors.ipAllowList}
        />
      </Field>
      <div className="md:col-span-2">
        <Button type="submit" loading={pending}>
          保存设置
        </Button>
      </div>
    </form>
  );
}
