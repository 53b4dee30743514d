"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Image as KonvaImage, Layer, Line, Stage, Text } from "react-konva";
import type Konva from "konva";
import { Maximize, ZoomIn, ZoomOut } from "lucide-react";

import type { Overlay } from "@/lib/playground/normalize";

const MIN_HEIGHT = 240;
const MAX_HEIGHT = 560;
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 12;

function useHtmlImage(src: string): HTMLImageElement | null {
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    const el = new window.Image();
    el.onload = () => setImg(el);
    el.src = src;
    return () => {
      el.onload = null;
    };
  }, [src]);
  return img;
}

/**
 * The image with its boxes on a Konva stage. Shapes stay in image pixels; the stage scale fits the
 * image into the box (then Ctrl + wheel zooms around the pointer, drag pans). Boxes are named "ocr-box".
 */
export function OcrStage({
  src,
  overlays,
  activeId,
  onHover,
  label,
}: {
  src: string;
  overlays: Overlay[];
  activeId: string | null;
  onHover: (id: string | null) => void;
  label: string;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const image = useHtmlImage(src);
  const [width, setWidth] = useState(640);
  const [view, setView] = useState({ scale: 1, x: 0, y: 0 });

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The stage takes the image's aspect ratio within [MIN_HEIGHT, MAX_HEIGHT].
  const height = image ? Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, (width * image.naturalHeight) / image.naturalWidth))) : 320;
  const fit = useMemo(() => {
    if (!image) return { scale: 1, x: 0, y: 0 };
    const scale = Math.min(width / image.naturalWidth, height / image.naturalHeight, 4);
    return { scale, x: (width - image.naturalWidth * scale) / 2, y: (height - image.naturalHeight * scale) / 2 };
  }, [image, width, height]);

  useEffect(() => setView(fit), [fit]);

  const zoomAt = (factor: number, point: { x: number; y: number }) => {
    setView((v) => {
      const scale = Math.min(Math.max(v.scale * factor, fit.scale * MIN_ZOOM), fit.scale * MAX_ZOOM);
      const imgX = (point.x - v.x) / v.scale;
      const imgY = (point.y - v.y) / v.scale;
      return { scale, x: point.x - imgX * scale, y: point.y - imgY * scale };
    });
  };

  // The wheel zooms only with Ctrl (⌘ on a Mac, or a trackpad pinch, which browsers send as
  // Ctrl+wheel); a plain wheel scrolls the page, as everywhere else (ux.md bug 16).
  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    if (!e.evt.ctrlKey && !e.evt.metaKey) return;
    e.evt.preventDefault();
    const pointer = stageRef.current?.getPointerPosition();
    if (pointer) zoomAt(e.evt.deltaY < 0 ? 1.15 : 1 / 1.15, pointer);
  };

  const stroke = 2 / view.scale;
  const center = { x: width / 2, y: height / 2 };

  return (
    <div className="relative overflow-hidden rounded border border-line bg-[repeating-conic-gradient(#f1f3f6_0_25%,#fff_0_50%)] bg-[length:16px_16px]">
      <div
        ref={wrapRef}
        role="img"
        aria-label={label}
        data-testid="ocr-stage"
        data-box-count={overlays.length}
        className="cursor-grab active:cursor-grabbing"
      >
        <Stage
          ref={stageRef}
          id="ocr-stage"
          width={width}
          height={height}
          scaleX={view.scale}
          scaleY={view.scale}
          x={view.x}
          y={view.y}
          draggable
          onDragEnd={(e) => {
            if (e.target === stageRef.current) setView((v) => ({ ...v, x: e.target.x(), y: e.target.y() }));
          }}
          onWheel={onWheel}
        >
          <Layer>
            {image && <KonvaImage image={image} x={0} y={0} listening={false} />}
            {overlays.map((o) => {
              const active = o.id === activeId;
              return (
                <Line
                  key={o.id}
                  id={o.id}
                  name="ocr-box"
                  points={o.points}
                  closed
                  stroke={o.color}
                  strokeWidth={active ? stroke * 2 : stroke}
                  fill={active ? `${o.color}40` : `${o.color}14`}
                  hitStrokeWidth={stroke * 4}
                  onMouseEnter={() => onHover(o.id)}
                  onMouseLeave={() => onHover(null)}
                />
              );
            })}
            {overlays
              .filter((o) => o.caption && o.id.startsWith("p-"))
              .map((o) => (
                <Text
                  key={`${o.id}-t`}
                  x={o.points[0]}
                  y={(o.points[1] ?? 0) - 18 / view.scale}
                  text={`${o.text} ${o.caption}`}
                  fontSize={14 / view.scale}
                  fill={o.color}
                  fontStyle="bold"
                  listening={false}
                />
              ))}
          </Layer>
        </Stage>
      </div>
      <div className="absolute top-2 right-2 flex gap-1 rounded border border-line bg-white/95 p-0.5 shadow-sm">
        <button type="button" aria-label="放大" className="rounded p-1 hover:bg-slate-100" onClick={() => zoomAt(1.25, center)}>
          <ZoomIn className="size-4" />
        </button>
        <button type="button" aria-label="缩小" className="rounded p-1 hover:bg-slate-100" onClick={() => zoomAt(0.8, center)}>
          <ZoomOut className="size-4" />
        </button>
        <button type="button" aria-label="适应窗口" className="rounded p-1 hover:bg-slate-100" onClick={() => setView(fit)}>
          <Maximize className="size-4" />
        </button>
      </div>
      <p className="absolute bottom-2 left-2 rounded bg-white/90 px-1.5 py-0.5 text-[11px] text-muted">
        Ctrl + 滚轮缩放 · 拖动平移 · {Math.round((view.scale / (fit.scale || 1)) * 100)}%
      </p>
    </div>
  );
}
