"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";

import { deletePlaygroundResultAction } from "@/lib/actions/playground";
import type { PlaygroundResultDto } from "@/lib/data/playground-results";
import { formatDateTime } from "@/components/format";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** The user's last 20 results (kept on the server, so a reload or another device shows them). */
export function RecentResults({
  results,
  onOpen,
  capabilityName,
}: {
  results: PlaygroundResultDto[];
  onOpen: (result: PlaygroundResultDto) => void;
  capabilityName: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Card>
      <CardHeader title="最近识别" description={`保留您最近 20 次识别（含图片），此处显示「${capabilityName}」的记录`} />
      <CardBody>
        {results.length === 0 ? (
          <p className="py-4 text-center text-sm text-muted">暂无记录</p>
        ) : (
          <ul aria-label="最近识别" className="divide-y divide-line">
            {results.map((r) => (
              <li key={r.id} className="flex items-center gap-3 py-2">
                <button
                  type="button"
                  onClick={() => onOpen(r)}
                  className="flex min-w-0 flex-1 items-center gap-3 text-left hover:text-primary"
                  aria-label={`打开最近识别：${r.name}`}
                >
                  {/* biome-ignore lint/performance/noImgElement: a private image served by a session-checked route */}
                  <img
                    src={`/api/console/playground-results/${r.id}/image`}
                    alt=""
                    className="size-10 shrink-0 rounded border border-line object-cover"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm">{r.name}</span>
                    <span className="text-xs text-muted">
                      {/* The console's fixed time zone: the server and the browser render the same text. */}
                      {formatDateTime(r.createdAt)}
                      {r.source === "text-layer" ? " · PDF 文字层，未调用接口" : ` · HTTP ${r.httpStatus}`}
                    </span>
                  </span>
                </button>
                <button
                  type="button"
                  disabled={pending}
                  aria-label={`删除最近识别：${r.name}`}
                  className="rounded p-1 text-muted hover:bg-slate-100 hover:text-danger"
                  onClick={() =>
                    start(async () => {
                      await deletePlaygroundResultAction(r.id);
                      router.refresh();
                    })
                  }
                >
                  <Trash2 className="size-4" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
