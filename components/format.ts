// Formatters shared by server and client components (no server imports). Times are shown in
// the viewer's zone on the client; server-rendered pages use Asia/Shanghai like the original product.
const TZ = "Asia/Shanghai";

export const formatDateTime = (d: Date | string) =>
  new Date(d).toLocaleString("zh-CN", {
    timeZone: TZ,
    hour12: false,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

export const formatDate = (d: Date | string) =>
  new Date(d).toLocaleDateString("zh-CN", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });

export const formatNumber = (n: number) => n.toLocaleString("zh-CN");

/** 100000 → "10万", 10000000 → "1000万". */
export const formatCalls = (n: number) => (n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万` : formatNumber(n));

export const formatYuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** A short number for an axis tick: 3 significant digits at most ("17", "1.5", "980"). */
const short = (n: number) => (n >= 100 ? String(Math.round(n)) : n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

/** Axis ticks: at most 7 characters, so a label never wraps and is cut ("17 MB", not "17.17 MB"). */
export function formatAxisBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${short(value)} ${units[unit]}`;
}

export const formatAxisMs = (ms: number) => (ms >= 1000 ? `${short(ms / 1000)} s` : `${Math.round(ms)} ms`);

export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/** Axis label for a bucket start: hours for the 24 h range, dates otherwise. */
export function formatBucket(bucket: string, unit: "hour" | "day"): string {
  const d = new Date(bucket);
  return unit === "hour"
    ? d.toLocaleTimeString("zh-CN", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hour12: false })
    : d.toLocaleDateString("zh-CN", { timeZone: TZ, month: "2-digit", day: "2-digit" });
}
