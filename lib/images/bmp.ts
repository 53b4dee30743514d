/**
 * Minimal BMP reader: sharp/libvips cannot read BMP, and the contract accepts it.
 * Supports BITMAPINFOHEADER and its V2–V5 extensions; 1/4/8-bit palettes; 16/24/32-bit;
 * BI_RGB, BI_BITFIELDS and BI_ALPHABITFIELDS; bottom-up and top-down rows.
 * Compressed (RLE/JPEG/PNG-in-BMP) files are reported as unsupported (null).
 */

export interface BmpHeader {
  width: number;
  height: number;
  /** Rows stored top row first (negative height in the file). */
  topDown: boolean;
  bitsPerPixel: number;
  compression: number;
  pixelOffset: number;
  dibSize: number;
  paletteSize: number;
}

/** Decoded pixels; `channels` is 4 only when the file carries a meaningful alpha channel. */
export interface BmpPixels {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const FILE_HEADER_SIZE = 14;
const SUPPORTED_DIB_SIZES = new Set([40, 52, 56, 108, 124]);
const SUPPORTED_BPP = new Set([1, 4, 8, 16, 24, 32]);

/** Reads dimensions and layout from the headers only, so size limits apply before decoding. */
export function readBmpHeader(bytes: Uint8Array): BmpHeader | null {
  if (bytes.length < FILE_HEADER_SIZE + 40 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const dibSize = view.getUint32(14, true);
  if (!SUPPORTED_DIB_SIZES.has(dibSize)) return null;
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bitsPerPixel = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const colorsUsed = view.getUint32(46, true);
  if (width <= 0 || rawHeight === 0 || rawHeight === -2147483648) return null;
  if (!SUPPORTED_BPP.has(bitsPerPixel)) return null;
  const paletteSize = bitsPerPixel <= 8 ? colorsUsed || 1 << bitsPerPixel : 0;
  return {
    width,
    height: Math.abs(rawHeight),
    topDown: rawHeight < 0,
    bitsPerPixel,
    compression,
    pixelOffset,
    dibSize,
    paletteSize,
  };
}

interface ChannelMask {
  shift: number;
  max: number;
  mask: number;
}

function toChannelMask(mask: number): ChannelMask {
  if (mask === 0) return { shift: 0, max: 0, mask: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift, mask };
}

function readMasks(view: DataView, header: BmpHeader): ChannelMask[] | null {
  const { compression, bitsPerPixel, dibSize } = header;
  if (compression === BI_RGB) {
    if (bitsPerPixel === 16) return [0x7c00, 0x03e0, 0x001f, 0].map(toChannelMask);
    return [0xff0000, 0x00ff00, 0x0000ff, 0].map(toChannelMask);
  }
  if (compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) return null;
  if (bitsPerPixel !== 16 && bitsPerPixel !== 32) return null;
  // V2+ headers hold the masks; a plain INFOHEADER is followed by them.
  const at = FILE_HEADER_SIZE + 40;
  const hasAlphaMask = dibSize >= 56 || compression === BI_ALPHABITFIELDS;
  if (view.byteLength < at + (hasAlphaMask ? 16 : 12)) return null;
  const masks = [view.getUint32(at, true), view.getUint32(at + 4, true), view.getUint32(at + 8, true)];
  masks.push(hasAlphaMask ? view.getUint32(at + 12, true) : 0);
  return masks.map(toChannelMask);
}

function scale(value: number, channel: ChannelMask): number {
  return channel.max === 0 ? 255 : Math.round((value * 255) / channel.max);
}

/** Decodes a BMP file; returns null for unsupported or truncated/corrupt files (never throws). */
export function decodeBmp(bytes: Uint8Array): BmpPixels | null {
  const header = readBmpHeader(bytes);
  if (!header) return null;
  const { width, height, topDown, bitsPerPixel, pixelOffset } = header;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  if (pixelOffset + stride * height > bytes.length) return null;

  if (bitsPerPixel <= 8) {
    if (header.compression !== BI_RGB) return null;
    const paletteAt = FILE_HEADER_SIZE + header.dibSize;
    if (header.paletteSize > 256 || paletteAt + header.paletteSize * 4 > pixelOffset) return null;
    const pixelsPerByte = 8 / bitsPerPixel;
    const valueMask = (1 << bitsPerPixel) - 1;
    const out = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
      for (let x = 0; x < width; x++) {
        const byte = bytes[row + Math.floor(x / pixelsPerByte)]!;
        const bitShift = 8 - bitsPerPixel * ((x % pixelsPerByte) + 1);
        const index = (byte >> bitShift) & valueMask;
        if (index >= header.paletteSize) continue;
        const p = paletteAt + index * 4;
        const o = (y * width + x) * 3;
        out[o] = bytes[p + 2]!;
        out[o + 1] = bytes[p + 1]!;
        out[o + 2] = bytes[p]!;
      }
    }
    return { width, height, channels: 3, data: out };
  }

  if (bitsPerPixel === 24) {
    if (header.compression !== BI_RGB) return null;
    const out = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
      for (let x = 0; x < width; x++) {
        const p = row + x * 3;
        const o = (y * width + x) * 3;
        out[o] = bytes[p + 2]!;
        out[o + 1] = bytes[p + 1]!;
        out[o + 2] = bytes[p]!;
      }
    }
    return { width, height, channels: 3, data: out };
  }

  const masks = readMasks(view, header);
  if (!masks) return null;
  const [r, g, b, a] = masks as [ChannelMask, ChannelMask, ChannelMask, ChannelMask];
  const bytesPerPixel = bitsPerPixel / 8;
  const out = new Uint8Array(width * height * 4);
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const p = row + x * bytesPerPixel;
      const v = bytesPerPixel === 2 ? view.getUint16(p, true) : view.getUint32(p, true);
      const o = (y * width + x) * 4;
      out[o] = scale((v & r.mask) >>> r.shift, r);
      out[o + 1] = scale((v & g.mask) >>> g.shift, g);
      out[o + 2] = scale((v & b.mask) >>> b.shift, b);
      const alpha = a.mask === 0 ? 255 : scale((v & a.mask) >>> a.shift, a);
      if (alpha !== 0) anyAlpha = true;
      out[o + 3] = alpha;
    }
  }
  // Writers often leave an alpha mask with all-zero alpha; such files are opaque in practice.
  if (a.mask === 0 || !anyAlpha) return { width, height, channels: 3, data: dropAlpha(out) };
  return { width, height, channels: 4, data: out };
}

function dropAlpha(rgba: Uint8Array): Uint8Array {
  const rgb = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return rgb;
}
