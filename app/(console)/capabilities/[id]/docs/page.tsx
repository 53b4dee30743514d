import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";

import { requireUser } from "@/lib/auth/session";
import { API_PREFIX, getCapabilityDef, isCapabilityId, type CapabilityId } from "@/lib/capabilities/catalog";
import { listAccessKeys } from "@/lib/data/access-keys";
import { listApps } from "@/lib/data/apps";
import { env, publicOrigin } from "@/lib/env";
import { Badge } from "@/components/ui/badge";
import { BillingBadge } from "@/components/capabilities/billing-badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { codeSamples, SECRET_ENV } from "@/lib/contract/code-samples";
import { bodyParams, type ErrorDocRow, errorTables, failureExample } from "@/lib/contract/docs-tables";
import { CAPABILITY_DOCS, COMMON_HEADERS, type ParamDoc } from "@/components/capabilities/docs-content";
import { CodeSampleTabs } from "@/components/capabilities/code-sample-tabs";
import { PageHeader } from "@/components/console/page-header";

export const metadata: Metadata = { title: "API 文档" };

function ParamTable({ rows, label }: { rows: ParamDoc[]; label: string }) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>参数</Th>
          <Th>必填</Th>
          <Th>类型</Th>
          <Th>说明</Th>
          <Th>示例</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={r.name}>
            <Td className="font-mono text-xs">{r.name}</Td>
            <Td>{r.required ? "是" : "否"}</Td>
            <Td className="font-mono text-xs">{r.type}</Td>
            <Td className="text-xs">{r.description}</Td>
            <Td className="font-mono text-xs break-all">{r.example ?? ""}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function ErrorTable({ rows, label }: { rows: ErrorDocRow[]; label: string }) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>错误码</Th>
          <Th>HTTP</Th>
          <Th>错误信息</Th>
          <Th>说明</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <Tr key={`${r.code}/${r.http}/${r.scope}`}>
            <Td className="font-mono text-xs">{r.code}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">{r.scope === "image" ? "200（单张图片）" : r.http}</Td>
            <Td className="text-xs">{r.title}</Td>
            <Td className="text-xs text-muted">
              {r.doc}
              {r.details.length > 0 && <span className="block font-mono">details：{r.details.join(" / ")}</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Where this console is reached: PUBLIC_URL when set, else the origin the browser used for this page. */
async function endpointOrigin(): Promise<string> {
  if (publicOrigin) return publicOrigin;
  const h = await headers();
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? `localhost:${env.PORT}`}`;
}

/** The signed-in user's first enabled AccessKey and an app with this capability opened (else any app). */
async function sampleCredentials(userId: string, capability: CapabilityId) {
  const [keys, apps] = await Promise.all([listAccessKeys({ userId }), listApps({ userId })]);
  const app = apps.find((a) => a.capabilities.includes(capability)) ?? apps[0];
  return { accessKey: keys.find((k) => k.enabled)?.accessKey, app, opened: app?.capabilities.includes(capability) ?? false };
}

const Notice = ({ children }: { children: ReactNode }) => (
  <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">{children}</p>
);

function SampleCredentialsNote({ accessKey, app, opened }: Awaited<ReturnType<typeof sampleCredentials>>) {
  return (
    <div className="space-y-2 text-xs">
      <p className="text-muted">
        示例已填入本平台地址、你的 AccessKey {accessKey && <code className="font-mono">{accessKey}</code>} 与应用
        {app ? `「${app.name}」` : ""}的 AppKey，复制即可运行。SecretKey 不会出现在页面上：运行前请设置环境变量{" "}
        <code className="font-mono">{SECRET_ENV}</code>。签名不通过时可用
        <Link href="/capabilities/signature" className="mx-1 text-primary hover:underline">
          在线签名调试
        </Link>
        对照待签字符串。
      </p>
      {!accessKey && (
        <Notice>
          还没有启用的 AccessKey，示例中以 &lt;AccessKey&gt; 占位。
          <Link href="/access-keys" className="ml-1 text-primary hover:underline">
            去创建 AccessKey
          </Link>
        </Notice>
      )}
      {!app && (
        <Notice>
          还没有应用，示例中以 &lt;AppKey&gt; 占位。
          <Link href="/apps" className="ml-1 text-primary hover:underline">
            去创建应用
          </Link>
        </Notice>
      )}
      {app && !opened && <Notice>应用「{app.name}」尚未开通此能力，调用将返回 50002，请先在应用详情中开通。</Notice>}
    </div>
  );
}

export default async function CapabilityDocsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isCapabilityId(id)) notFound();
  const user = await requireUser();
  const def = getCapabilityDef(id);
  const docs = CAPABILITY_DOCS[id];
  const errors = errorTables(id);
  const perImage = errors.capability.some((r) => r.scope === "image");
  const [canonical, ...aliases] = def.routes.map((r) => `${API_PREFIX}${r.apiId}${r.path}`);
  const credentials = await sampleCredentials(user.id, id);
  const samples = codeSamples({
    url: `${await endpointOrigin()}${canonical}`,
    accessKey: credentials.accessKey ?? "<AccessKey>",
    appKey: credentials.app?.appKey ?? "<AppKey>",
    bodyTemplate: docs.requestBody,
  });
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link href="/capabilities" className="hover:text-primary">
              能力列表
            </Link>{" "}
            / API 文档
          </>
        }
        title={
          <span className="flex items-center gap-2">
            {def.name} API
            <BillingBadge capability={def} />
          </span>
        }
        description={docs.description}
        actions={
          <Link href={`/playground/${id}`} className={buttonClass("primary")}>
            在线体验
          </Link>
        }
      />
      <div className="space-y-4">
        <Card>
          <CardHeader title="接口信息" />
          <CardBody className="space-y-3 text-sm">
            <p>
              <Badge tone="primary">POST</Badge> <code className="ml-1 font-mono text-sm break-all">{canonical}</code>{" "}
              <CopyButton value={canonical ?? ""} />
            </p>
            {aliases.length > 0 && (
              <p className="text-xs text-muted">
                兼容路径（别名）：
                {aliases.map((a) => (
                  <code key={a} className="mx-1 font-mono">
                    {a}
                  </code>
                ))}
              </p>
            )}
            <p className="text-xs text-muted">请求地址 = 终端节点（本平台的访问地址）+ 接口路径。</p>
            <ul className="list-disc space-y-1 pl-5 text-xs text-muted">
              {docs.limits.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="请求头" description="签名方法：见「认证鉴权」；AccessKey 在 个人中心 → 安全设置 中创建" />
          <ParamTable rows={COMMON_HEADERS} label="请求头参数" />
        </Card>
        <Card>
          <CardHeader title="请求体" />
          <ParamTable rows={bodyParams(id)} label="请求体参数" />
          <CardBody>
            <CodeBlock label="请求体">{docs.requestBody}</CodeBlock>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="认证鉴权（EOP 签名）" />
          <CardBody className="space-y-3 text-sm">
            <ol className="list-decimal space-y-1 pl-5 text-xs leading-relaxed">
              <li>
                待签字符串 = 按名称排序的「header名:值\n」拼接 + &quot;\n&quot; + 排序后的 query + &quot;\n&quot; + hex(sha256(原始请求体))
              </li>
              <li>ktime = HMAC-SHA256(SK, eop-date)；kAk = HMAC-SHA256(ktime, AK)；kdate = HMAC-SHA256(kAk, eop-date 前 8 位)</li>
              <li>Signature = Base64(HMAC-SHA256(kdate, 待签字符串))</li>
              <li>Eop-Authorization: &lt;AK&gt; Headers=appkey;ctyun-eop-request-id;eop-date Signature=&lt;Signature&gt;</li>
            </ol>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="请求示例" />
          <CardBody className="space-y-3">
            <SampleCredentialsNote {...credentials} />
            <CodeSampleTabs samples={samples} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="返回参数" />
          <ParamTable rows={docs.responseFields} label="返回参数" />
          <CardBody className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <div>
              <p className="mb-2 text-xs font-medium">成功示例</p>
              <CodeBlock label="JSON">{docs.successExample}</CodeBlock>
            </div>
            <div>
              <p className="mb-2 text-xs font-medium">失败示例</p>
              <CodeBlock label="JSON">{failureExample(id, docs.failureExampleCode)}</CodeBlock>
            </div>
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="错误码"
            description={
              perImage
                ? '整请求失败返回 {"statusCode", "message": "error", "details", "error": "AI_OP_<码>"}；批量请求中单张图片失败不影响其他图片：对应 returnObj 元素为 {err_code, err_msg}'
                : '整请求失败返回 {"statusCode", "message": <错误信息>, "details", "error": "AI_OP_<码>"}'
            }
          />
          <ErrorTable rows={errors.capability} label="能力错误码" />
        </Card>
        <Card>
          <CardHeader
            title="网关错误码"
            description='返回格式：{"statusCode": <码>, "message": "<错误信息>", "error": "EOP_<码>"}，可能附带说明检查项的 details。机器可读的完整接口描述：/api/openapi.json（OpenAPI 3.1）'
          />
          <ErrorTable rows={errors.gateway} label="网关错误码" />
        </Card>
      </div>
    </>
  );
}
