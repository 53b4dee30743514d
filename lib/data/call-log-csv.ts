import "server-only";

import type { CallDetail } from "@/lib/data/call-logs";

// The call log as CSV for reconciling and sharing (UTF-8 with a BOM so Excel reads the Chinese
// headers). Request ids, IPs and texts of refused calls come from whoever sent them: a cell that
// a spreadsheet would run as a formula (= + - @ tab CR) is prefixed with ' (OWASP CSV injection).

export const CALL_LOG_CSV_COLUMNS = [
  ["time", "时间(UTC)"],
  ["requestId", "请求ID"],
  ["app", "应用"],
  ["capability", "能力"],
  ["clientIp", "客户端IP"],
  ["httpStatus", "HTTP状态"],
  ["statusCode", "statusCode"],
  ["outcome", "结果"],
  ["message", "message"],
  ["details", "details"],
  ["images", "图片数"],
  ["imagesSucceeded", "成功图片"],
  ["imagesFailed", "失败图片"],
  ["charged", "计费次数"],
  ["latencyMs", "耗时(ms)"],
  ["requestBytes", "请求字节"],
  ["responseBytes", "响应字节"],
  ["calls", "合并请求数"],
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `\uFEFF${CALL_LOG_CSV_COLUMNS.map(([, title]) => csvCell(title)).join(",")}\r\n`;

export function csvRow(row: CallDetail, capabilityName: (id: string) => string): string {
  const values: Record<(typeof CALL_LOG_CSV_COLUMNS)[number][0], string | number> = {
    time: row.createdAt,
    requestId: row.requestId,
    app: row.appName ?? "",
    capability: capabilityName(row.capabilityId),
    clientIp: row.clientIp,
    httpStatus: row.httpStatus,
    statusCode: row.statusCode,
    outcome: row.successful ? "成功" : "失败",
    message: row.message,
    details: row.details,
    images: row.imageCount,
    imagesSucceeded: row.successCount,
    imagesFailed: row.failCount,
    charged: row.charged,
    latencyMs: row.latencyMs,
    requestBytes: row.requestBytes,
    responseBytes: row.responseBytes,
    calls: row.calls,
  };
  return `${CALL_LOG_CSV_COLUMNS.map(([key]) => csvCell(values[key])).join(",")}\r\n`;
}
