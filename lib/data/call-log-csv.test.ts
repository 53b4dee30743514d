import { expect, test } from "vitest";

import type { CallDetail } from "@/lib/data/call-logs";

import { CALL_LOG_CSV_COLUMNS, csvCell, csvHeader, csvRow } from "./call-log-csv";

test("cells are quoted when needed and never start a spreadsheet formula", () => {
  expect(csvCell("plain")).toBe("plain");
  expect(csvCell('a,"b"')).toBe('"a,""b"""');
  expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
  expect(csvCell("+1")).toBe("'+1");
  expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(csvCell(-5)).toBe("-5"); // numbers are ours, not text from a client
});

test("a row has one cell per column, the header a BOM for Excel", () => {
  const row: CallDetail = {
    id: "c1",
    createdAt: "2026-11-29T10:00:00.000Z",
    requestId: "-bad-id",
    appId: "a",
    appName: "演示应用",
    capabilityId: "general",
    imageCount: 2,
    successCount: 0,
    failCount: 2,
    httpStatus: 200,
    statusCode: 0,
    latencyMs: 12,
    requestBytes: 100,
    responseBytes: 50,
    charged: 0,
    calls: 1,
    details: "",
    successful: false,
    clientIp: "203.0.113.7",
    message: "",
    imageErrors: [],
    stages: {},
    settlement: "",
  };
  expect(csvHeader().startsWith("\uFEFF时间(UTC),请求ID")).toBe(true);
  const cells = csvRow(row, () => "通用型OCR")
    .trimEnd()
    .split(",");
  expect(cells).toHaveLength(CALL_LOG_CSV_COLUMNS.length);
  expect(cells.slice(0, 8)).toEqual(["2026-11-29T10:00:00.000Z", "'-bad-id", "演示应用", "通用型OCR", "203.0.113.7", "200", "0", "失败"]);
});
