import { z } from "zod";

import { CAPABILITY_IDS } from "@/lib/capabilities/catalog";

/** Seed §5 FAQ: the online trial takes images up to 2 MB each, jpg/png/bmp. */
export const PLAYGROUND_MAX_BYTES = 2 * 1024 * 1024;
/** Keeps one upload (5 × 2 MB) under the server-action body limit in next.config.mjs (12 MB). */
export const PLAYGROUND_MAX_IMAGES = 5;
export const PLAYGROUND_ACCEPT = ".jpg,.jpeg,.png,.bmp,image/jpeg,image/png,image/bmp";
export const PLAYGROUND_FORMATS_LABEL = "jpg、png、bmp";

export const playgroundRequestSchema = z.object({
  capabilityId: z.enum(CAPABILITY_IDS),
  appId: z.string().trim().min(1, "请选择应用").max(64),
});

export type ImageFormat = "jpeg" | "png" | "bmp";

/** Decides the format from the first bytes (never from the file name or the browser's type). */
export function sniffImageFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => head[i] === b)) return "png";
  if (head.length >= 2 && head[0] === 0x42 && head[1] === 0x4d) return "bmp";
  return null;
}

/** The user-facing reason a file cannot be used, or null when it is fine. */
export function checkPlaygroundFile(file: { name: string; size: number }, head: Uint8Array): string | null {
  if (file.size === 0) return `「${file.name}」是空文件`;
  if (file.size > PLAYGROUND_MAX_BYTES) return `「${file.name}」超过 2 MB，在线体验仅支持单张不超过 2 MB 的图片`;
  if (!sniffImageFormat(head)) return `「${file.name}」格式不支持，仅支持 ${PLAYGROUND_FORMATS_LABEL} 格式`;
  return null;
}
