// A picture of the wrong kind answers with a well-formed empty result (issue: bad input).
import { expect, test } from "vitest";

import { extractBusinessLicense } from "@/lib/readers/license/extract-fields";
import { extractIdCard } from "@/lib/readers/idcard/extract-fields";
import { makeLines } from "@/tests/support/lines";

const LICENSE = makeLines([
  ["统一社会信用代码", 110, 110, 160, 20],
  ["91350100M000100Y43", 110, 140, 240, 24],
  ["营业执照", 350, 220, 300, 80],
  ["名称", 110, 420, 60, 26],
  ["福州示例科技有限公司", 290, 420, 300, 26],
  ["住所", 110, 540, 60, 26],
  ["福州市鼓楼区五四路1号", 290, 540, 300, 26],
  ["法定代表人张三", 110, 600, 300, 26],
  ["成立日期", 110, 780, 160, 26],
  ["2023年02月19日", 290, 780, 200, 26],
]);

const ID_BACK = makeLines([
  ["姓名", 60, 80, 60],
  ["张三", 160, 78, 70],
  ["性别男民族汉", 60, 140, 330],
  ["出生1949年12月31日", 60, 200, 320],
  ["住址北京市朝阳区建国路1号", 60, 260, 400],
  ["公民身份号码", 60, 460, 150],
  ["11010519491231002X", 300, 458, 420],
]);

test("a business licence sent to the ID-card reader", () => {
  const r = extractIdCard(LICENSE);
  expect(r.side).toBe("");
  expect(Object.values(r.detail).every((v) => v === "")).toBe(true);
});

test("an ID card sent to the licence reader", () => {
  const r = extractBusinessLicense(ID_BACK);
  expect(r.isLicense).toBe(false);
  expect(Object.values(r.detail).every((v) => v === "")).toBe(true);
});

test.each([
  [
    "a form with 姓名/性别/民族 but no ID number",
    [
      ["新员工入职登记表", 100, 40, 300],
      ["姓名", 60, 100, 60],
      ["李然", 160, 100, 60],
      ["性别", 60, 150, 60],
      ["男", 160, 150, 30],
      ["民族", 260, 150, 60],
      ["汉", 360, 150, 30],
    ],
  ],
  [
    "a sign with a date range",
    [
      ["前方施工车辆慢行", 100, 40, 400],
      ["预计工期：2024.04.01-2024.06.30", 100, 120, 500],
      ["给您带来不便，敬请谅解", 100, 200, 400],
    ],
  ],
] as const)("not an ID card: %s", (_, specs) => {
  expect(extractIdCard(makeLines(specs.map((s) => [...s]))).side).toBe("");
});

test("no text at all", () => {
  expect(extractIdCard([]).side).toBe("");
  expect(extractBusinessLicense([]).isLicense).toBe(false);
});
