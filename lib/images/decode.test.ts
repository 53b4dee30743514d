import sharp from "sharp";
import { describe, expect, test } from "vitest";

import { decodeBase64Image, decodeImage } from "./decode";

const MAX_BYTES = 10 * 1024 * 1024;

/** 80×40 image: left half red, right half blue. */
async function halves(format: "png" | "jpeg", orientation?: number): Promise<Uint8Array> {
  const left = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  let img = sharp({ create: { width: 80, height: 40, channels: 3, background: "#0000ff" } }).composite([{ input: left, left: 0, top: 0 }]);
  img = format === "png" ? img.png() : img.jpeg({ quality: 95 });
  if (orientation) img = img.withMetadata({ orientation });
  return new Uint8Array(await img.toBuffer());
}

function pixelAt(image: { width: number; data: Uint8Array }, x: number, y: number) {
  const o = (y * image.width + x) * 3;
  return [...image.data.subarray(o, o + 3)];
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
const isBlue = ([r, g, b]: number[]) => b! > 200 && r! < 60 && g! < 60;

describe("decodeImage", () => {
  test("decodes PNG to RGB", async () => {
    const result = await decodeImage(await halves("png"), { maxBytes: MAX_BYTES });
    expect(result.ok && result.format).toBe("png");
    if (!result.ok) return;
    expect(result.image.width).toBe(80);
    expect(result.image.data.length).toBe(80 * 40 * 3);
    expect(isRed(pixelAt(result.image, 5, 5))).toBe(true);
  });

  test.each([
    [3, "rotated 180°: red moves right", { width: 80, height: 40 }, (img: never) => isRed(pixelAt(img, 75, 20))],
    [
      6,
      "rotated 90° clockwise: red moves to the top",
      { width: 40, height: 80 },
      (img: never) => isRed(pixelAt(img, 20, 5)) && isBlue(pixelAt(img, 20, 75)),
    ],
    [8, "rotated 90° counter-clockwise: red moves to the bottom", { width: 40, height: 80 }, (img: never) => isRed(pixelAt(img, 20, 75))],
  ])("applies EXIF orientation %i (%s)", async (orientation, _, size, check) => {
    const result = await decodeImage(await halves("jpeg", orientation), { maxBytes: MAX_BYTES });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ width: result.image.width, height: result.image.height }).toEqual(size);
    expect(check(result.image as never)).toBe(true);
  });

  test.each([
    ["black", "#000000", 0],
    ["white", "#ffffff", 255],
  ])("keeps %s text on a transparent canvas visible", async (_, color, textValue) => {
    const text = await sharp({ create: { width: 20, height: 10, channels: 4, background: color } })
      .png()
      .toBuffer();
    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: text, left: 20, top: 20 }])
      .png()
      .toBuffer();
    const result = await decodeImage(new Uint8Array(png), { maxBytes: MAX_BYTES });
    if (!result.ok) throw new Error(result.kind);
    const textPixel = pixelAt(result.image, 25, 25)[0]!;
    const background = pixelAt(result.image, 2, 2)[0]!;
    expect(textPixel).toBe(textValue);
    expect(Math.abs(textPixel - background)).toBe(255);
  });

  test("decodes BMP without sharp", async () => {
    const { data } = await sharp(await halves("png"))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const stride = 80 * 3;
    const bmp = Buffer.alloc(54 + stride * 40);
    bmp.write("BM", 0, "latin1");
    bmp.writeUInt32LE(bmp.length, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(80, 18);
    bmp.writeInt32LE(-40, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    for (let i = 0; i < 80 * 40; i++) {
      bmp[54 + i * 3] = data[i * 3 + 2]!;
      bmp[55 + i * 3] = data[i * 3 + 1]!;
      bmp[56 + i * 3] = data[i * 3]!;
    }
    const result = await decodeImage(new Uint8Array(bmp), { maxBytes: MAX_BYTES });
    expect(result.ok && result.format).toBe("bmp");
    if (result.ok) expect(isRed(pixelAt(result.image, 5, 5)) && isBlue(pixelAt(result.image, 75, 5))).toBe(true);
  });
});

describe("decodeImage failures", () => {
  test("zero bytes → format", async () => {
    expect(await decodeImage(new Uint8Array(0), { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "format" });
  });

  test("non-image → format", async () => {
    const text = new Uint8Array(Buffer.from("GIF89a not supported"));
    expect(await decodeImage(text, { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "format" });
  });

  test("too large is checked before decoding", async () => {
    const png = await halves("png");
    expect(await decodeImage(png, { maxBytes: png.length - 1 })).toEqual({ ok: false, kind: "too_large" });
  });

  test.each(["png", "jpeg"] as const)("truncated %s → decode", async (format) => {
    const bytes = await halves(format);
    for (const keep of [12, Math.floor(bytes.length / 2), bytes.length - 20]) {
      const result = await decodeImage(bytes.subarray(0, keep), { maxBytes: MAX_BYTES });
      expect(result, `kept ${keep} bytes`).toEqual({ ok: false, kind: "decode" });
    }
  });

  test("corrupt BMP header → decode", async () => {
    expect(await decodeImage(Uint8Array.from([0x42, 0x4d, 1, 2, 3]), { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "decode" });
  });

  test.each([
    ["1×1", 1, 1],
    ["31 px high", 100, 31],
    ["5001 px wide", 5001, 40],
  ])("%s → dimensions", async (_, width, height) => {
    const png = await sharp({ create: { width, height, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(await decodeImage(new Uint8Array(png), { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "dimensions" });
  });

  test("accepts the inclusive bounds 32 and 5000", async () => {
    const png = await sharp({ create: { width: 5000, height: 32, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect((await decodeImage(new Uint8Array(png), { maxBytes: MAX_BYTES })).ok).toBe(true);
  });

  test("6000×6000 PNG is refused from its header, without decoding", async () => {
    const png = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const rssBefore = process.memoryUsage().rss;
    expect(await decodeImage(new Uint8Array(png), { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "dimensions" });
    // A full decode would need ~108 MB of pixels.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(60 * 1024 * 1024);
  });

  test("6000×6000 BMP header → dimensions (no pixel data needed)", async () => {
    const header = Buffer.alloc(54);
    header.write("BM", 0, "latin1");
    header.writeUInt32LE(54, 10);
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(6000, 18);
    header.writeInt32LE(6000, 22);
    header.writeUInt16LE(1, 26);
    header.writeUInt16LE(24, 28);
    expect(await decodeImage(new Uint8Array(header), { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "dimensions" });
  });
});

describe("decodeBase64Image", () => {
  test("bad base64 → base64; good payload decodes", async () => {
    expect(await decodeBase64Image("data:image/png;base64,AAAA", { maxBytes: MAX_BYTES })).toEqual({ ok: false, kind: "base64" });
    const png = Buffer.from(await halves("png")).toString("base64url");
    expect((await decodeBase64Image(png, { maxBytes: MAX_BYTES })).ok).toBe(true);
  });
});
