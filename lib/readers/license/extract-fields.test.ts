import { describe, expect, test } from "vitest";

import { makeLines } from "@/tests/support/lines";

import { extractBusinessLicense } from "./extract-fields";

describe("business licence", () => {
  test("two columns, labels split by letter spacing, wrapped values, 经营范围 block", () => {
    const r = extractBusinessLicense(
      makeLines([
        ["统一社会信用代码", 163, 162, 152, 22],
        ["913502065C6329E76M", 163, 193, 238, 20],
        ["营业执照", 489, 300, 457, 85],
        ["名", 186, 449, 24, 25],
        ["称", 270, 450, 29, 22],
        ["厦门宏图建筑工程股份有限公司", 318, 450, 306, 22],
        ["注册资本", 728, 448, 116, 25],
        ["2000万元人民币", 862, 448, 160, 25],
        ["类", 185, 502, 25, 26],
        ["型", 271, 503, 25, 23],
        ["股份有限公司（非上市、自然人投资或控", 321, 503, 375, 23],
        ["成立", 729, 502, 48, 24],
        ["日期", 794, 502, 47, 24],
        ["2010年03月04日", 864, 501, 162, 25],
        ["股)", 319, 534, 35, 30],
        ["营业", 730, 553, 48, 26],
        ["期限", 791, 554, 50, 25],
        ["2010年03月04日至长期", 865, 554, 227, 23],
        ["法定代表人", 186, 589, 111, 24],
        ["杨杰飞", 319, 587, 73, 28],
        ["住", 729, 606, 26, 27],
        ["所", 815, 607, 26, 24],
        ["厦门市湖里区高新区软件园二期936号", 867, 607, 359, 24],
        ["经营范围", 185, 640, 112, 27],
        ["房屋建筑工程、市政公用工程、园林绿", 323, 642, 368, 23],
        ["2102室", 864, 639, 75, 26],
        ["化工程施工；建筑装饰装修工程设计与", 324, 676, 364, 23],
        ["登记机关", 863, 726, 114, 29],
      ]),
    );
    expect(r.isLicense).toBe(true);
    expect(r.detail).toEqual({
      union_id: "913502065C6329E76M",
      regist_no: "",
      name: "厦门宏图建筑工程股份有限公司",
      type: "股份有限公司(非上市、自然人投资或控股)",
      addr: "厦门市湖里区高新区软件园二期936号2102室",
      legal_rep: "杨杰飞",
      regist_captial: "2000万元人民币",
      establish_date: "2010年03月04日",
      operation_period: "2010年03月04日至长期",
    });
  });

  test("single column with 实收资本 and a 注册号; a misread credit code is repaired", () => {
    const r = extractBusinessLicense(
      makeLines(
        [
          ["统一社会信用代码", 110, 110, 160, 20],
          ["91350100M0001O0Y43", 110, 140, 240, 24],
          ["注册号320507023712593", 110, 172, 260, 20],
          ["营业执照", 350, 220, 300, 80],
          ["名称", 110, 420, 160, 26],
          ["福州示例科技有限公司", 290, 420, 300, 26],
          ["类型", 110, 480, 160, 26],
          ["有限责任公司(自然人独资)", 290, 480, 320, 26],
          ["住所", 110, 540, 160, 26],
          ["福州市鼓楼区五四路1号", 290, 540, 300, 26],
          ["法定代表人张三", 110, 600, 300, 26],
          ["注册资本", 110, 660, 160, 26],
          ["伍拾万元整", 290, 660, 150, 26],
          ["实收资本", 110, 720, 160, 26],
          ["贰拾伍万元整", 290, 720, 170, 26],
          ["成立日期", 110, 780, 160, 26],
          ["2023年02月19日", 290, 780, 200, 26],
          ["营业期限", 110, 840, 160, 26],
          ["2023年02月19日至2033年02月18日", 290, 840, 400, 26],
        ],
        5,
      ),
    );
    expect(r.isLicense).toBe(true);
    expect(r.detail).toMatchObject({
      union_id: "91350100M000100Y43",
      regist_no: "320507023712593",
      name: "福州示例科技有限公司",
      legal_rep: "张三",
      real_captial: "贰拾伍万元整",
      operation_period: "2023年02月19日至2033年02月18日",
    });
  });

  test("a credit code failing its check character, with no unique repair, is returned as read and flagged", () => {
    const r = extractBusinessLicense(
      makeLines([
        ["统一社会信用代码", 110, 110, 160, 20],
        ["91350100M00010OY44", 110, 140, 240, 24],
        ["营业执照", 350, 220, 300, 80],
        ["名称", 110, 420, 160, 26],
        ["福州示例科技有限公司", 290, 420, 300, 26],
        ["法定代表人张三", 110, 600, 300, 26],
      ]),
    );
    expect(r.detail.union_id).toBe("91350100M000100Y44");
    expect(r.warnings).toEqual(["union_id_check_failed"]);
  });

  test("real_captial is absent when not printed; a non-licence is rejected with empty fields", () => {
    const notLicense = extractBusinessLicense(
      makeLines([
        ["关于开展安全生产检查的通知", 100, 100, 500],
        ["各部门：", 100, 180, 100],
      ]),
    );
    expect(notLicense.isLicense).toBe(false);
    expect(Object.values(notLicense.detail).every((v) => v === "")).toBe(true);
    expect("real_captial" in notLicense.detail).toBe(false);
  });
});
