"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { ImageIcon, Play, Trash2 } from "lucide-react";

import type { CapabilityId } from "@/lib/capabilities/catalog";
import { inspectPdfAction, recognizeImageAction, recognizePdfPageAction } from "@/lib/actions/playground";
import type { PlaygroundResultDto } from "@/lib/data/playground-results";
import { emptyResultMessage, normalizeCalls } from "@/lib/playground/normalize";
import { appendFiles, PLAYGROUND_MAX_IMAGES, parsePageRange } from "@/lib/validation/playground";
import { ErrorAlert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { type BatchItem, imageSize, toExportDocument } from "./batch-item";
import { BatchStrip } from "./batch-strip";
import { ExportMenu } from "./export-menu";
import { ImageDropzone } from "./image-dropzone";
import { OcrResultPanel } from "./ocr-result-panel";
import { type PendingPdf, PdfOptions } from "./pdf-options";
import { RecentResults } from "./recent-results";
import { SAMPLE_PICTURES, sampleUrl } from "./samples";

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

const stem = (name: string) => name.replace(/\.[^.]+$/, "");
let keySeq = 0;
const nextKey = () => `item-${++keySeq}`;

function settle(capabilityId: CapabilityId, item: BatchItem, call: NonNullable<BatchItem["call"]>): BatchItem {
  const result = normalizeCalls(capabilityId, [call], 1)[0]!;
  return { ...item, call, result, status: result.ok ? "done" : "failed" };
}

export function Playground({
  capabilityId,
  capabilityName,
  paid,
  apps,
  hasAccessKey,
  recent,
}: {
  capabilityId: CapabilityId;
  capabilityName: string;
  paid: boolean;
  apps: PlaygroundApp[];
  hasAccessKey: boolean;
  recent: PlaygroundResultDto[];
}) {
  const router = useRouter();
  const openedApps = apps.filter((a) => a.opened);
  const [appId, setAppId] = useState(openedApps[0]?.id ?? apps[0]?.id ?? "");
  const [items, setItems] = useState<BatchItem[]>([]);
  const [selected, setSelected] = useState(0);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [rejects, setRejects] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PendingPdf | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const structured = capabilityId !== "general";
  const app = apps.find((a) => a.id === appId);

  // Object URLs of pictures taken off the batch are released; the rest when the page goes.
  const urls = useRef(new Set<string>());
  useEffect(() => {
    const live = urls.current;
    return () => live.forEach((u) => URL.revokeObjectURL(u));
  }, []);
  const objectUrl = (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    urls.current.add(url);
    return url;
  };

  const update = (key: string, change: (item: BatchItem) => BatchItem) =>
    setItems((list) => list.map((i) => (i.key === key ? change(i) : i)));

  async function addFiles(files: File[]) {
    const { files: kept, message } = appendFiles<{ name: string }>(items, files);
    setNotice(message);
    const added = kept.slice(items.length) as File[];
    const next: BatchItem[] = [];
    for (const file of added) {
      const url = objectUrl(file);
      const size = await imageSize(url).catch(() => ({ width: 1, height: 1 }));
      next.push({ key: nextKey(), name: file.name, blob: file, url, ...size, status: "pending" });
    }
    setItems((list) => {
      if (list.length === 0) setSelected(0);
      return [...list, ...next].slice(0, PLAYGROUND_MAX_IMAGES);
    });
  }

  async function addSample(file: string) {
    const res = await fetch(sampleUrl(capabilityId, file));
    if (!res.ok) return setError(`示例图片加载失败（HTTP ${res.status}）`);
    await addFiles([new File([await res.blob()], `示例-${file}`, { type: res.headers.get("content-type") ?? "image/jpeg" })]);
  }

  async function choosePdf(file: File) {
    setError(null);
    const form = new FormData();
    form.set("pdf", file);
    const res = await inspectPdfAction(form).catch(() => null);
    if (!res?.ok) return setRejects([`「${file.name}」：${res?.error ?? "请求失败，请重试"}`]);
    setPdf({ file, info: res.data, range: "", dpi: 150, useTextLayer: res.data.textPages.length > 0 });
  }

  function removeItem(key: string) {
    setItems((list) => list.filter((i) => i.key !== key));
    setSelected((s) => Math.max(0, Math.min(s, items.length - 2)));
    setNotice(null);
  }

  function openRecent(r: PlaygroundResultDto) {
    const item: BatchItem = {
      key: nextKey(),
      name: r.name,
      blob: null,
      url: `/api/console/playground-results/${r.id}/image`,
      width: r.width,
      height: r.height,
      dpi: r.dpi ?? undefined,
      status: "pending",
      source: r.source,
      savedId: r.id,
    };
    const opened = settle(capabilityId, item, { requestId: r.requestId ?? "", httpStatus: r.httpStatus, response: r.response });
    setItems((list) => {
      const { files, message } = appendFiles(list, [opened]);
      setNotice(message);
      setSelected(files.length - 1);
      return files;
    });
  }

  async function runPicture(item: BatchItem) {
    update(item.key, (i) => ({ ...i, status: "running" }));
    const form = new FormData();
    form.set("capabilityId", capabilityId);
    form.set("appId", appId);
    form.set("width", String(item.width));
    form.set("height", String(item.height));
    if (item.blob) form.set("image", item.blob, item.name);
    const res = await recognizeImageAction(form).catch(() => null);
    if (!res?.ok) {
      const message = res
        ? res.error === "NO_ACCESS_KEY"
          ? "您还没有可用的 AccessKey，请先创建。"
          : res.error
        : "请求失败：网络中断，请重试";
      update(item.key, (i) => ({ ...i, status: "failed", error: message }));
      if (res?.error === "NO_ACCESS_KEY") setError(message);
      return;
    }
    update(item.key, (i) => ({ ...settle(capabilityId, i, res.data.call), savedId: res.data.saved.id, source: "api" }));
  }

  async function runPdfPages(p: PendingPdf, pages: number[]) {
    const name = (n: number) => `${p.file.name} · 第 ${n} 页`;
    const placeholders = pages.map((n) => ({
      key: nextKey(),
      name: name(n),
      blob: null,
      url: "",
      width: 1,
      height: 1,
      status: "pending" as const,
    }));
    setItems((list) => [...list, ...placeholders]);
    for (const [k, n] of pages.entries()) {
      const key = placeholders[k]!.key;
      setProgress({ done: k, total: pages.length, name: name(n) });
      update(key, (i) => ({ ...i, status: "running" }));
      const form = new FormData();
      form.set("appId", appId);
      form.set("pdf", p.file);
      form.set("page", String(n));
      form.set("dpi", String(p.dpi));
      form.set("useTextLayer", p.useTextLayer ? "1" : "0");
      const res = await recognizePdfPageAction(form).catch(() => null);
      if (!res?.ok) {
        update(key, (i) => ({ ...i, status: "failed", error: res?.error ?? "请求失败：网络中断，请重试" }));
        continue;
      }
      const { jpegBase64, width, height, dpi, call, saved } = res.data;
      const blob = new Blob([Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0))], { type: "image/jpeg" });
      update(key, (i) => ({
        ...settle(
          capabilityId,
          { ...i, blob, url: objectUrl(blob), width, height, dpi },
          call ?? { requestId: "", httpStatus: 200, response: saved.response },
        ),
        savedId: saved.id,
        source: saved.source,
      }));
    }
  }

  async function recognize() {
    if (!appId) return;
    setError(null);
    setRunning(true);
    try {
      if (pdf) {
        const range = parsePageRange(pdf.range, pdf.info.pages);
        if ("error" in range) return setError(range.error);
        if (items.length + range.pages.length > PLAYGROUND_MAX_IMAGES)
          return setError(`一次最多 ${PLAYGROUND_MAX_IMAGES} 张（含 PDF 页），请缩小页码范围或先移除部分图片`);
        await runPdfPages(pdf, range.pages);
        setPdf(null);
      }
      const pending = items.filter((i) => i.status === "pending" || (i.status === "failed" && !i.call));
      for (const [k, item] of pending.entries()) {
        setProgress({ done: k, total: pending.length, name: item.name });
        await runPicture(item);
      }
    } finally {
      setProgress(null);
      setRunning(false);
      // The quota in the header and the recent results come from the server.
      router.refresh();
    }
  }

  const current = items[selected];
  const result = current?.result;
  const page = useMemo(
    () => (current?.call ? (toExportDocument(capabilityId, current.name, [current]).pages[0] ?? null) : null),
    [capabilityId, current],
  );
  const empty = result ? emptyResultMessage(capabilityId, result, paid) : null;
  const toRun = items.filter((i) => i.status === "pending").length + (pdf ? 1 : 0);
  const pdfStems = new Set(items.map((i) => i.name.split(" · 第 ")[0]));
  const exportTitle = {
    one: current ? `${stem(current.name.replace(/ · 第 (\d+) 页$/, "-第$1页"))}-识别结果` : "识别结果",
    all:
      items.length === 1 && current
        ? `${stem(current.name)}-识别结果`
        : pdfStems.size === 1 && items[0]?.name.includes(" · 第 ")
          ? `${stem([...pdfStems][0]!)}-识别结果`
          : `${capabilityName}-识别结果-${items.length}张`,
  };

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
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_440px]">
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
            <ImageDropzone
              onFiles={(files) => void addFiles(files)}
              onPdf={(file) => void choosePdf(file)}
              onReject={setRejects}
              disabled={running}
              acceptPdf={capabilityId === "general"}
            />
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <span className="text-muted">示例图片：</span>
              {SAMPLE_PICTURES[capabilityId].map((s) => (
                <button
                  key={s.file}
                  type="button"
                  disabled={running}
                  onClick={() => void addSample(s.file)}
                  className="rounded border border-line px-2 py-0.5 hover:border-primary hover:text-primary"
                >
                  {s.label}
                </button>
              ))}
            </div>
            {(rejects.length > 0 || notice) && (
              <ErrorAlert as="ul" className="space-y-1">
                {[...rejects, ...(notice ? [notice] : [])].map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ErrorAlert>
            )}
            {pdf && <PdfOptions pdf={pdf} onChange={setPdf} disabled={running} />}
            {(items.length > 0 || pdf) && (
              <div className="space-y-2">
                <BatchStrip
                  items={items}
                  selected={selected}
                  onSelect={(i) => {
                    setSelected(i);
                    setHoverId(null);
                  }}
                  onRemove={removeItem}
                  disabled={running}
                />
                <div className="flex items-center justify-end gap-2">
                  <span className="mr-auto text-xs text-muted">
                    共 {items.length} 张{toRun ? `，待识别 ${toRun}${pdf ? "（含 PDF）" : " 张"}` : ""}
                  </span>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setItems([]);
                      setPdf(null);
                      setNotice(null);
                      setRejects([]);
                    }}
                    disabled={running}
                  >
                    <Trash2 className="size-4" aria-hidden />
                    清空
                  </Button>
                  <Button onClick={() => void recognize()} loading={running} disabled={!appId || !ready || toRun === 0}>
                    {!running && <Play className="size-4" aria-hidden />}
                    {running ? "识别中…" : "开始识别"}
                  </Button>
                </div>
              </div>
            )}
            {progress && (
              <div role="status" aria-live="polite" className="space-y-1.5">
                <p className="text-sm text-muted">
                  正在上传并识别第 {progress.done + 1} / {progress.total} 张：{progress.name}
                </p>
                <div className="h-1.5 overflow-hidden rounded bg-slate-100">
                  <div
                    className="h-full rounded bg-primary transition-all"
                    style={{ width: `${(100 * progress.done) / progress.total}%` }}
                  />
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
            description={current ? current.name : "上传图片后在此显示，识别框叠加在原图上"}
            actions={
              current?.source === "text-layer" ? (
                <Badge tone="primary">PDF 文字层 · 未调用接口</Badge>
              ) : result ? (
                <Badge tone={!result.ok ? "danger" : empty ? "warning" : "success"}>
                  {!result.ok ? "识别失败" : empty ? (result.empty ?? "未识别到内容") : `识别成功 · ${result.overlays.length} 个框`}
                </Badge>
              ) : current?.error ? (
                <Badge tone="danger">识别失败</Badge>
              ) : null
            }
          />
          <CardBody>
            {current?.url ? (
              <OcrStage
                src={current.url}
                overlays={result?.overlays ?? []}
                activeId={hoverId}
                onHover={setHoverId}
                label={`${current.name} 的识别预览`}
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
      <div className="space-y-4 self-start">
        <Card>
          <CardHeader
            title="识别结果"
            description={current?.call?.requestId ? `请求 ID：${current.call.requestId}` : "结果与原始 JSON 在此显示"}
          />
          <CardBody className="space-y-3">
            {items.some((i) => i.call || i.error) && (
              <ExportMenu capabilityId={capabilityId} title={exportTitle} items={items} current={current} />
            )}
            {current?.error && !current.call && <ErrorAlert>{current.error}</ErrorAlert>}
            {result && current ? (
              <OcrResultPanel
                key={current.key}
                result={result}
                page={page}
                raw={current.call?.response ?? null}
                structured={structured}
                emptyMessage={empty}
                activeId={hoverId}
                onHover={setHoverId}
              />
            ) : current?.status === "running" ? (
              <div className="space-y-2">
                <Skeleton className="h-6 w-2/3" />
                <Skeleton className="h-6 w-full" />
                <Skeleton className="h-6 w-5/6" />
              </div>
            ) : (
              !current?.error && <p className="py-10 text-center text-sm text-muted">上传图片并点击「开始识别」</p>
            )}
          </CardBody>
        </Card>
        <RecentResults results={recent} onOpen={openRecent} capabilityName={capabilityName} />
      </div>
    </div>
  );
}
