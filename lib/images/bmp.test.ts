import { describe, expect, test } from "vitest";

import { decodeBmp, readBmpHeader } from "./bmp";

/** Test image: 5×3 (odd width exercises row padding), pixel (x, y) = [x*50, y*100, 200]. */
const W = 5;
const H = 3;
const pixel = (x: number, y: number) => [x * 50, y * 100, 200] as const;

interface BmpSpec {
  bpp: 1 | 4 | 8 | 16 | 24 | 32;
  dibSize?: 40 | 108 | 124;
  topDown?: boolean;
  bitfields?: [number, number, number, number?];
  /** Palette (RGB) for ≤ 8 bpp; pixel values are then palette indices from `index`. */
  palette?: [number, number, number][];
  index?: (x: number, y: number) => number;
  encode?: (x: number, y: number) => number;
}

function makeBmp(spec: BmpSpec): Uint8Array {
  const dibSize = spec.dibSize ?? 40;
  const extraMasks = spec.bitfields && dibSize === 40 ? 12 : 0;
  const paletteBytes = (spec.palette?.length ?? 0) * 4;
  const stride = Math.floor((spec.bpp * W + 31) / 32) * 4;
  const offset = 14 + dibSize + extraMasks + paletteBytes;
  const buf = Buffer.alloc(offset + stride * H);
  buf.write("BM", 0, "latin1");
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(offset, 10);
  buf.writeUInt32LE(dibSize, 14);
  buf.writeInt32LE(W, 18);
  buf.writeInt32LE(spec.topDown ? -H : H, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(spec.bpp, 28);
  buf.writeUInt32LE(spec.bitfields ? 3 : 0, 30);
  buf.writeUInt32LE(spec.palette?.length ?? 0, 46);
  if (spec.bitfields) {
    const at = 14 + 40;
    spec.bitfields.forEach((m, i) => m !== undefined && buf.writeUInt32LE(m >>> 0, at + i * 4));
  }
  spec.palette?.forEach(([r, g, b], i) => {
    const p = 14 + dibSize + extraMasks + i * 4;
    buf[p] = b;
    buf[p + 1] = g;
    buf[p + 2] = r;
  });
  for (let y = 0; y < H; y++) {
    const row = offset + (spec.topDown ? y : H - 1 - y) * stride;
    for (let x = 0; x < W; x++) {
      if (spec.bpp <= 8) {
        const bitPos = x * spec.bpp;
        buf[row + (bitPos >> 3)]! |= spec.index!(x, y) << (8 - spec.bpp - (bitPos & 7));
      } else if (spec.bpp === 24) {
        const [r, g, b] = pixel(x, y);
        buf[row + x * 3] = b;
        buf[row + x * 3 + 1] = g;
        buf[row + x * 3 + 2] = r;
      } else if (spec.bpp === 16) {
        buf.writeUInt16LE(spec.encode!(x, y), row + x * 2);
      } else {
        buf.writeUInt32LE(spec.encode!(x, y) >>> 0, row + x * 4);
      }
    }
  }
  return new Uint8Array(buf);
}

function expectPixels(data: Uint8Array, expected: (x: number, y: number) => readonly number[], channels = 3) {
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * channels;
      expect([...data.subarray(o, o + channels)], `pixel ${x},${y}`).toEqual([...expected(x, y)]);
    }
  }
}

const argb = (x: number, y: number, a = 255) => {
  const [r, g, b] = pixel(x, y);
  return ((a << 24) | (r << 16) | (g << 8) | b) >>> 0;
};

describe("decodeBmp", () => {
  test.each([
    ["24-bit bottom-up", { bpp: 24 } as BmpSpec],
    ["24-bit top-down", { bpp: 24, topDown: true } as BmpSpec],
    ["32-bit BI_RGB (alpha byte ignored)", { bpp: 32, encode: (x: number, y: number) => argb(x, y, 0) } as BmpSpec],
    ["32-bit BI_BITFIELDS, V4 header", { bpp: 32, dibSize: 108, bitfields: [0xff0000, 0xff00, 0xff, 0], encode: argb } as BmpSpec],
    ["32-bit BI_BITFIELDS, V5 header", { bpp: 32, dibSize: 124, bitfields: [0xff0000, 0xff00, 0xff, 0], encode: argb } as BmpSpec],
  ])("%s", (_, spec) => {
    const out = decodeBmp(makeBmp(spec))!;
    expect(out).toMatchObject({ width: W, height: H, channels: 3 });
    expectPixels(out.data, pixel);
  });

  test("16-bit 5-6-5 bitfields", () => {
    const out = decodeBmp(makeBmp({ bpp: 16, bitfields: [0xf800, 0x07e0, 0x001f], encode: (x, y) => (x << 11) | (y << 5) | 31 }))!;
    expectPixels(out.data, (x, y) => [Math.round((x * 255) / 31), Math.round((y * 255) / 63), 255]);
  });

  test("16-bit BI_RGB defaults to 5-5-5", () => {
    const out = decodeBmp(makeBmp({ bpp: 16, encode: (x) => (31 << 10) | (x << 5) }))!;
    expectPixels(out.data, (x) => [255, Math.round((x * 255) / 31), 0]);
  });

  test.each([1, 4, 8] as const)("%i-bit palette", (bpp) => {
    const palette: [number, number, number][] = [
      [0, 0, 0],
      [255, 255, 255],
    ];
    if (bpp > 1) palette.push([10, 20, 30], [40, 50, 60]);
    const index = (x: number, y: number) => (x + y) % palette.length;
    const out = decodeBmp(makeBmp({ bpp, palette, index }))!;
    expectPixels(out.data, (x, y) => palette[index(x, y)]!);
  });

  test("keeps a meaningful alpha channel (V5 with alpha mask)", () => {
    const out = decodeBmp(
      makeBmp({ bpp: 32, dibSize: 124, bitfields: [0xff0000, 0xff00, 0xff, 0xff000000], encode: (x, y) => argb(x, y, x * 60) }),
    )!;
    expect(out.channels).toBe(4);
    expectPixels(out.data, (x, y) => [...pixel(x, y), x * 60], 4);
  });

  test("rejects truncated pixel data and garbage headers", () => {
    const bmp = makeBmp({ bpp: 24 });
    expect(decodeBmp(bmp.subarray(0, bmp.length - 4))).toBeNull();
    expect(decodeBmp(bmp.subarray(0, 20))).toBeNull();
    const badDib = Uint8Array.from(bmp);
    badDib[14] = 99;
    expect(decodeBmp(badDib)).toBeNull();
    const rle = Uint8Array.from(bmp);
    rle[30] = 1;
    expect(decodeBmp(rle)).toBeNull();
  });

  test("readBmpHeader reports oriented size without pixel data", () => {
    const header = readBmpHeader(makeBmp({ bpp: 24, topDown: true }).subarray(0, 54));
    expect(header).toMatchObject({ width: W, height: H, topDown: true, bitsPerPixel: 24 });
  });
});
