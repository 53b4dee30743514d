"use client";

import { useState, type FormEvent } from "react";

import { appCreateSchema } from "@/lib/validation/app";
import { errorsByField } from "@/lib/validation/field-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/input";

/** 新增应用 / 编辑应用: name + 应用概述. */
export function AppFormDialog({
  open,
  title,
  initial,
  submitLabel = "确定",
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  initial?: { name: string; description: string };
  submitLabel?: string;
  onClose: () => void;
  // biome-ignore lint/suspicious/noConfusingVoidType: server actions that succeed return nothing
  onSubmit: (values: { name: string; description: string }) => Promise<{ error?: string; fieldErrors?: Record<string, string> } | void>;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function handle(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = appCreateSchema.safeParse({ name: data.get("name"), description: data.get("description") ?? "" });
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    const res = await onSubmit(parsed.data);
    setPending(false);
    if (res?.error) {
      setFormError(res.error);
      setErrors(res.fieldErrors ?? {});
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <form onSubmit={handle} noValidate className="space-y-4" aria-label={title}>
        <Field id="app-name" label="应用名称" required error={errors.name} hint="最多 32 个字符">
          <Input id="app-name" name="name" defaultValue={initial?.name} maxLength={32} aria-invalid={!!errors.name} autoFocus />
        </Field>
        <Field id="app-description" label="应用概述" error={errors.description} hint="选填，最多 200 个字符">
          <Textarea id="app-description" name="description" defaultValue={initial?.description} maxLength={200} />
        </Field>
        {formError && (
          <p role="alert" className="text-sm text-danger">
            {formError}
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button variant="secondary" onClick={onClose}>
            取消
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
