"use client";

import { useState, type FormEvent } from "react";
import { CheckCircle2, XCircle } from "lucide-react";

import { debugSignatureAction } from "@/lib/actions/signature-debug";
import type { SignatureDebugResult } from "@/lib/playground/signature-debug";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ErrorAlert } from "@/components/ui/alert";
import { Field, Input, Select, Textarea } from "@/components/ui/input";

export interface SignatureDebuggerDefaults {
  path: string;
  paths: string[];
  headers: string;
  body: string;
  accessKey: string;
}

const FIELDS = ["method", "path", "query", "headers", "body", "accessKey", "secretKey", "signedHeaders", "authorization"] as const;

/** The string to sign with its line breaks spelled out, so an extra or missing "\n" is visible. */
const visibleNewlines = (text: string) => text.replaceAll("\n", "\\n\n");

export function SignatureDebugger({ defaults }: { defaults: SignatureDebuggerDefaults }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<SignatureDebugResult | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const input = Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? "")]));
    setPending(true);
    const res = await debugSignatureAction(input);
    setPending(false);
    if (!res.ok) {
      setError(res.error);
      setFieldErrors(res.fieldErrors ?? {});
      return;
    }
    setError(null);
    setFieldErrors({});
    setResult(res.data);
  }

  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Card>
        <CardHeader title="请求" description="填写你实际发送的内容；SecretKey 只用于本次计算，不保存、不记录。" />
        <CardBody>
          <form onSubmit={onSubmit} className="space-y-3" aria-label="签名调试请求" noValidate>
            <div className="grid gap-3 sm:grid-cols-[7rem_1fr]">
              <Field id="sig-method" label="方法">
                <Select id="sig-method" name="method" defaultValue="POST">
                  <option>POST</option>
                  <option>GET</option>
                  <option>PUT</option>
                </Select>
              </Field>
              <Field id="sig-path" label="路径" hint="不参与签名">
                <Input id="sig-path" name="path" defaultValue={defaults.path} list="sig-paths" className="font-mono text-xs" />
              </Field>
              <datalist id="sig-paths">
                {defaults.paths.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
            </div>
            <Field id="sig-query" label="Query（? 之后的部分，可空）">
              <Input id="sig-query" name="query" placeholder="return_field_boxes=true" className="font-mono text-xs" />
            </Field>
            <Field id="sig-headers" label="请求头（每行一个「名称: 值」）" error={fieldErrors.headers}>
              <Textarea
                id="sig-headers"
                name="headers"
                defaultValue={defaults.headers}
                rows={5}
                spellCheck={false}
                className="font-mono text-xs"
              />
            </Field>
            <Field id="sig-body" label="请求体（原文，逐字节参与签名）" error={fieldErrors.body}>
              <Textarea id="sig-body" name="body" defaultValue={defaults.body} rows={4} spellCheck={false} className="font-mono text-xs" />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id="sig-ak" label="AccessKey" error={fieldErrors.accessKey}>
                <Input id="sig-ak" name="accessKey" defaultValue={defaults.accessKey} spellCheck={false} className="font-mono text-xs" />
              </Field>
              <Field id="sig-sk" label="SecretKey" error={fieldErrors.secretKey}>
                <Input id="sig-sk" name="secretKey" type="password" autoComplete="off" spellCheck={false} className="font-mono text-xs" />
              </Field>
            </div>
            <Field
              id="sig-signed"
              label="参与签名的请求头（分号分隔，可空）"
              hint="留空：取粘贴的 Eop-Authorization 中的列表，否则 appkey;ctyun-eop-request-id;eop-date"
            >
              <Input id="sig-signed" name="signedHeaders" spellCheck={false} className="font-mono text-xs" />
            </Field>
            <Field id="sig-auth" label="你发送的 Eop-Authorization（可空，用于对比）">
              <Input id="sig-auth" name="authorization" spellCheck={false} className="font-mono text-xs" />
            </Field>
            {error && <ErrorAlert>{error}</ErrorAlert>}
            <Button type="submit" loading={pending}>
              计算签名
            </Button>
          </form>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="结果" description="与网关使用同一套签名代码计算" />
        <CardBody className="space-y-3 text-sm">
          {result ? <DebugResult result={result} /> : <p className="text-muted">填写左侧请求后点击「计算签名」。</p>}
        </CardBody>
      </Card>
    </div>
  );
}

function DebugResult({ result }: { result: SignatureDebugResult }) {
  return (
    <>
      {result.comparison && (
        <div
          role="status"
          data-testid="signature-verdict"
          className={
            result.comparison.accepted
              ? "rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-900"
              : "rounded border border-red-200 bg-red-50 px-3 py-2 text-red-900"
          }
        >
          <p className="flex items-center gap-1.5 font-medium">
            {result.comparison.accepted ? <CheckCircle2 className="size-4" aria-hidden /> : <XCircle className="size-4" aria-hidden />}
            {result.comparison.accepted ? "一致：网关将接受这个 Eop-Authorization" : "不一致：网关将返回 10020 签名错误"}
          </p>
          {result.comparison.reasons.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {result.comparison.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result.notes.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-muted" aria-label="提示">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div>
        <p className="mb-1 text-xs font-medium">期望的 Eop-Authorization</p>
        <CodeBlock label="Eop-Authorization" testId="expected-authorization">
          {result.expectedAuthorization}
        </CodeBlock>
      </div>
      <div>
        <p className="mb-1 text-xs font-medium">待签字符串（\n 为换行）</p>
        <CodeBlock label="待签字符串" testId="string-to-sign">
          {visibleNewlines(result.stringToSign)}
        </CodeBlock>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 font-mono text-xs break-all">
        <dt className="text-muted">签名请求头</dt>
        <dd>{result.signedHeaders.join(";")}</dd>
        <dt className="text-muted">query</dt>
        <dd>{result.query || "（空）"}</dd>
        <dt className="text-muted">sha256(请求体)</dt>
        <dd>{result.bodySha256}</dd>
        <dt className="text-muted">ktime</dt>
        <dd>{result.keys.ktime}</dd>
        <dt className="text-muted">kAk</dt>
        <dd>{result.keys.kak}</dd>
        <dt className="text-muted">kdate</dt>
        <dd>{result.keys.kdate}</dd>
        <dt className="text-muted">Signature</dt>
        <dd data-testid="expected-signature">{result.signature}</dd>
      </dl>
    </>
  );
}
