// Builds TextLine fixtures from a simple "text at (x, y, width, height)" description,
// optionally rotated about the origin as a tilted photo would be.
import type { Quad, TextLine } from "@/lib/ocr/types";

export type LineSpec = [text: string, x: number, y: number, w: number, h?: number];

export function makeLines(specs: LineSpec[], rotateDeg = 0): TextLine[] {
  const a = (rotateDeg * Math.PI) / 180;
  const rot = ([x, y]: [number, number]): [number, number] => [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
  return specs.map(([text, x, y, w, h = 30]) => ({
    text,
    score: 0.98,
    box: [rot([x, y]), rot([x + w, y]), rot([x + w, y + h]), rot([x, y + h])] as Quad,
  }));
}
