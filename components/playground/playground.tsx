"use client";

import { useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { ImageIcon, Loader2, Play, Trash2 } from "lucide-react";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { recognizeAction } from "@/lib/actions/playground";
import { normalizeCalls, type ImageResult } from "@/lib/playground/normalize";
import type { PlaygroundCall } from "@/lib/playground/signed-client";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { ImageDropzone } from "./image-dropzone";
import { OcrResultPanel } from "./ocr-result-panel";

// Konva touches `window` when it loads: render the stage on the client only.
const OcrStage = dynamic(() => import("./ocr-stage").then((m) => m.OcrStage), {
  ssr: false,
  loading: () => <Skeleton className="h-80 w-full" />,
});

export interface PlaygroundApp {
  id: string;
  name: string;
  opened: boolean;
}

interface Upload {
  file: File;
  url: string;
}

type Phase = "idle" | "running" | "done";

export function Playground({
  capabilityId,
  capabilityName,
  apps,
  hasAccessKey,
}: {
  capabilityId: CapabilityId;
  capabilityName: string;
  apps: PlaygroundApp[];
  hasAccessKey: boolean;
}) {
  const openedApps = apps.filter((a) => a.opened);
  const [appId, setAppId] = useState(openedApps[0]?.id ?? apps[0]?.id ?? "");
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [selected, setSelected] = useState(0);
  const [phase, setPhase] = useState<Phase>("idle");
  const [elapsed, setElapsed] = useState(0);
  const [rejects, setRejects] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [calls, setCalls] = useState<PlaygroundCall[]>([]);
  const [results, setResults] = useState<ImageResult[]>([]);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const structured = capabilityId !== "general";
  const app = apps.find((a) => a.id === appId);

  useEffect(() => () => uploads.forEach((u) => URL.revokeObjectURL(u.url)), [uploads]);
  useEffect(() => {
    if (phase !== "running") return;
    const started = Date.now();
    const t = setInterval(() => setElapsed((Date.now() - started) / 1000), 100);
    return () => clearInterval(t);
  }, [phase]);

  const onFiles = (files: File[]) => {
    const next = files.map((file) => ({ file, url: URL.createObjectURL(file) }));
    setUploads(next);
    setSelected(0);
    setResults([]);
    setCalls([]);
    setError(null);
    setPhase("idle");
  };

  async function recognize() {
    if (!appId || uploads.length === 0) return;
    setPhase("running");
    setElapsed(0);
    setError(null);
    setResults([]);
    const form = new FormData();
    form.set("capabilityId", capabilityId);
    form.set("appId", appId);
    uploads.forEach((u) => form.append("images", u.file, u.file.name));
    try {
      const res = await recognizeAction(form);
      if (!res.ok) {
        setError(res.error === "NO_ACCESS_KEY" ? "您还没有可用的 AccessKey，请先创建。" : res.error);
        setPhase("idle");
        return;
      }
      setCalls(res.data.calls);
      setResults(normalizeCalls(capabilityId, res.data.calls, uploads.length));
      setPhase("done");
    } catch {
      setError("请求失败：图片可能过大或网络中断，请重试");
      setPhase("idle");
    }
  }

  const current = uploads[selected];
  const result = results[selected];
  const rawForSelected = useMemo(() => {
    if (capabilityId === "license") return calls[selected]?.response ?? null;
    return calls[0]?.response ?? null;
  }, [calls, capabilityId, selected]);

  const ready = hasAccessKey && apps.length > 0;
  const prerequisites = !ready && (
    <div role="note" className="rounded border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">开始识别前还需要完成以下准备：</p>
      <ul className="mt-1.5 space-y-1">
        {!hasAccessKey && (
          <li>
            · 创建用于签名的 AccessKey（个人中心 → 安全设置）
            <Link href="/access-keys" className="ml-2 text-primary hover:underline">
              去创建 AccessKey
            </Link>
          </li>
        )}
        {apps.length === 0 && (
          <li>
            · 创建应用并开通「{capabilityName}」
            <Link href="/apps" className="ml-2 text-primary hover:underline">
              去创建应用
            </Link>
          </li>
        )}
      </ul>
    </div>
  );

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_420px]">
      <div className="space-y-4">
        <Card>
          <CardBody className="space-y-4">
            {prerequisites}
            {apps.length > 0 && (
              <div className="grid gap-4 md:grid-cols-[260px_1fr] md:items-end">
                <Field id="pg-app" label="调用应用" hint={app && !app.opened ? undefined : "用该应用的 AppKey 与您的 AccessKey 签名调用"}>
                  <Select id="pg-app" value={appId} onChange={(e) => setAppId(e.target.value)}>
                    {apps.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                        {a.opened ? "" : "（未开通）"}
                      </option>
                    ))}
                  </Select>
                </Field>
                {app && !app.opened && (
                  <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-800">
                    该应用尚未开通「{capabilityName}」，调用将返回 50002。
                    <Link href={`/apps/${app.id}`} className="ml-1 text-primary hover:underline">
                      去开通
                    </Link>
                  </p>
                )}
              </div>
            )}
            <ImageDropzone onFiles={onFiles} onReject={setRejects} disabled={phase === "running"} />
            {rejects.length > 0 && (
              <ErrorAlert as="ul" className="space-y-1">
                {rejects.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ErrorAlert>
            )}
            {uploads.length > 0 && (
              <div className="flex flex-wrap items-center gap-2">
                {uploads.map((u, i) => (
                  <button
                    key={u.url}
                    type="button"
                    onClick={() => {
                      setSelected(i);
                      setHoverId(null);
                    }}
                    aria-pressed={i === selected}
                    aria-label={`查看第 ${i + 1} 张：${u.file.name}`}
                    className={cn("relative size-14 overflow-hidden rounded border-2", i === selected ? "border-primary" : "border-line")}
                  >
                    {/* biome-ignore lint/performance/noImgElement: a local object URL, which next/image cannot optimise */}
                    <img src={u.url} alt="" className="size-full object-cover" />
                    {results[i] && !results[i].ok && (
                      <span className="absolute inset-x-0 bottom-0 bg-danger text-[10px] text-white">失败</span>
                    )}
                  </button>
                ))}
                <div className="ml-auto flex items-center gap-2">
                  <Button variant="secondary" onClick={() => onFiles([])} disabled={phase === "running"}>
                    <Trash2 className="size-4" aria-hidden />
                    清空
                  </Button>
                  <Button onClick={recognize} loading={phase === "running"} disabled={!appId || !ready}>
                    {phase !== "running" && <Play className="size-4" aria-hidden />}
                    {phase === "running" ? "识别中…" : "开始识别"}
                  </Button>
                </div>
              </div>
            )}
            {phase === "running" && (
              <div role="status" aria-live="polite" className="space-y-1.5">
                <div className="flex items-center gap-2 text-sm text-muted">
                  <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
                  正在上传并识别 {uploads.length} 张图片… 已用时 {elapsed.toFixed(1)} 秒
                </div>
                <div className="h-1.5 overflow-hidden rounded bg-slate-100">
                  <div className="h-full w-1/3 animate-[progress_1.2s_ease-in-out_infinite] rounded bg-primary" />
                </div>
              </div>
            )}
            {error && (
              <ErrorAlert>
                {error}
                {error.includes("AccessKey") && (
                  <Link href="/access-keys" className="ml-1 text-primary hover:underline">
                    去创建
                  </Link>
                )}
              </ErrorAlert>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="识别预览"
            description={current ? current.file.name : "上传图片后在此显示，识别框叠加在原图上"}
            actions={
              result && (
                <Badge tone={result.ok ? (result.empty ? "warning" : "success") : "danger"}>
                  {result.ok ? (result.empty ?? `识别成功 · ${result.overlays.length} 个框`) : "识别失败"}
                </Badge>
              )
            }
          />
          <CardBody>
            {current ? (
              <OcrStage
                src={current.url}
                overlays={result?.overlays ?? []}
                activeId={hoverId}
                onHover={setHoverId}
                label={`${current.file.name} 的识别预览`}
              />
            ) : (
              <div className="flex h-60 flex-col items-center justify-center gap-2 text-sm text-muted">
                <ImageIcon className="size-8 text-slate-300" aria-hidden />
                暂无图片
              </div>
            )}
          </CardBody>
        </Card>
      </div>
      <Card className="self-start">
        <CardHeader
          title="识别结果"
          description={calls.length ? `请求 ID：${calls.map((c) => c.requestId).join("，")}` : "结果与原始 JSON 在此显示"}
        />
        <CardBody>
          {result && current ? (
            <OcrResultPanel
              key={`${selected}-${calls[0]?.requestId}`}
              result={result}
              raw={rawForSelected}
              baseName={current.file.name.replace(/\.[^.]+$/, "") + "-ocr"}
              structured={structured}
              activeId={hoverId}
              onHover={setHoverId}
            />
          ) : phase === "running" ? (
            <div className="space-y-2">
              <Skeleton className="h-6 w-2/3" />
              <Skeleton className="h-6 w-full" />
              <Skeleton className="h-6 w-5/6" />
            </div>
          ) : (
            <p className="py-10 text-center text-sm text-muted">上传图片并点击「开始识别」</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
