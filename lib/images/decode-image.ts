/** Image upload decoding, free of `server-only` so scripts (bench) can use it; app code imports ./decode. */
import sharp from "sharp";

import type { RgbImage } from "./rgb-image";

import { decodeBase64Payload } from "./base64";
import { decodeBmp, readBmpHeader } from "./bmp";
import { flattenAlpha } from "./flatten-alpha";
import { MAX_IMAGE_SIDE, MIN_IMAGE_SIDE } from "./limits";
import { type ImageFormat, sniffImageFormat } from "./sniff";

export { MAX_IMAGE_SIDE, MIN_IMAGE_SIDE };

export type DecodeFailureKind = "format" | "too_large" | "decode" | "dimensions";

export type DecodeResult = { ok: true; image: RgbImage; format: ImageFormat; bytes: number } | { ok: false; kind: DecodeFailureKind };

export interface DecodeOptions {
  /** Largest accepted file size in bytes (10 MiB general, 7 MiB business licence). */
  maxBytes: number;
}

// libvips refuses to decode anything larger, whatever a header claims.
const SHARP_OPTIONS = { limitInputPixels: MAX_IMAGE_SIDE * MAX_IMAGE_SIDE, failOn: "truncated" } as const;

function isWithinSideLimits(width: number, height: number): boolean {
  return width >= MIN_IMAGE_SIDE && height >= MIN_IMAGE_SIDE && width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE;
}

/** Header-only size read, so oversized images are refused before any pixel is decoded. */
async function readDimensions(bytes: Uint8Array, format: ImageFormat) {
  if (format === "bmp") return readBmpHeader(bytes);
  try {
    // Header only: the pixel limit would turn an oversized image into an error instead of a size.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) return null;
    // EXIF orientations 5–8 swap the axes.
    const swap = (meta.orientation ?? 1) >= 5;
    return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    return null;
  }
}

async function decodeWithSharp(bytes: Uint8Array): Promise<RgbImage | null> {
  try {
    const { data, info } = await sharp(bytes, SHARP_OPTIONS)
      .rotate() // applies EXIF orientation
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    if (info.channels === 4) return flattenAlpha(pixels, info.width, info.height);
    if (info.channels !== 3) return null;
    return { width: info.width, height: info.height, data: pixels };
  } catch {
    return null;
  }
}

function decodeBmpImage(bytes: Uint8Array): RgbImage | null {
  const bmp = decodeBmp(bytes);
  if (!bmp) return null;
  if (bmp.channels === 4) return flattenAlpha(bmp.data, bmp.width, bmp.height);
  return { width: bmp.width, height: bmp.height, data: bmp.data };
}

/**
 * Decodes an uploaded image file into oriented RGB pixels. Checks run in the contract's order:
 * format (by magic bytes) → file size → header dimensions → full decode.
 */
export async function decodeImage(bytes: Uint8Array, { maxBytes }: DecodeOptions): Promise<DecodeResult> {
  const format = sniffImageFormat(bytes);
  if (!format) return { ok: false, kind: "format" };
  if (bytes.length > maxBytes) return { ok: false, kind: "too_large" };

  const size = await readDimensions(bytes, format);
  if (!size) return { ok: false, kind: "decode" };
  if (!isWithinSideLimits(size.width, size.height)) return { ok: false, kind: "dimensions" };

  const image = format === "bmp" ? decodeBmpImage(bytes) : await decodeWithSharp(bytes);
  if (!image) return { ok: false, kind: "decode" };
  if (!isWithinSideLimits(image.width, image.height)) return { ok: false, kind: "dimensions" };
  return { ok: true, image, format, bytes: bytes.length };
}

export type Base64DecodeResult = DecodeResult | { ok: false; kind: "base64" };

/** base64 payload → decoded image; `kind` tells capabilities which error code to answer. */
export async function decodeBase64Image(s: string, options: DecodeOptions): Promise<Base64DecodeResult> {
  const bytes = decodeBase64Payload(s);
  if (!bytes) return { ok: false, kind: "base64" };
  return decodeImage(bytes, options);
}
