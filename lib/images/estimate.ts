import { MAX_IMAGE_SIDE } from "./limits";
import { sniffImageFormat } from "./sniff";

// What an uploaded image will hold once admitted, estimated from its header before anything is
// decoded: a tiny PNG can claim 5000 × 5000 px, so the encoded size says nothing about it.

/**
 * Peak bytes per pixel while an image is decoded and recognised on a worker: sharp's raw RGBA
 * output (4) + the flattened RGB copy (3) + the detector's resized input and line crops, which
 * are bounded and small against a large picture (≈1). An RGB image holds less; this is the ceiling.
 */
export const WORKING_BYTES_PER_PIXEL = 8;

/** Base64 characters decoded to find the header: a JPEG's size marker follows its EXIF/ICC blocks. */
const HEADER_PREFIX_CHARS = 96 * 1024;

const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

type Size = { width: number; height: number };

function jpegSize(bytes: Uint8Array): Size | null {
  let i = 2;
  while (i + 9 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (JPEG_SOF.has(marker)) return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return null;
}

function headerSize(bytes: Uint8Array): Size | null {
  const format = sniffImageFormat(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === "png" && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  if (format === "bmp" && bytes.length >= 26)
    return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  if (format === "jpeg") return jpegSize(bytes);
  return null;
}

/**
 * Bytes an image payload (a base64 string) will hold at its peak: its file bytes plus its
 * decoded working set from the header's dimensions. A header the prefix does not reach counts
 * as the largest accepted image; a payload that is not an image counts its file bytes only,
 * since it is refused before any pixel is decoded.
 */
export function estimateImageBytes(payload: unknown): number {
  if (typeof payload !== "string") return 0;
  const fileBytes = Math.floor((payload.length * 3) / 4);
  const prefix = payload.slice(0, HEADER_PREFIX_CHARS - (Math.min(payload.length, HEADER_PREFIX_CHARS) % 4));
  const bytes = Buffer.from(prefix, "base64");
  const format = sniffImageFormat(bytes);
  if (!format) return fileBytes;
  const size = headerSize(bytes) ?? { width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE };
  const pixels = Math.min(size.width, MAX_IMAGE_SIDE) * Math.min(size.height, MAX_IMAGE_SIDE);
  return fileBytes + pixels * WORKING_BYTES_PER_PIXEL;
}
