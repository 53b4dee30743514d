import { describe, expect, test } from "vitest";

import { makeLines, type LineSpec } from "@/tests/support/lines";

import { extractIdCard, parseValidPeriod } from "./extract-fields";

// Back side with labels and values as separate lines and a 3-line address.
const BACK_SEPARATE: LineSpec[] = [
  ["姓名", 60, 80, 60],
  ["欧阳璐", 160, 78, 100],
  ["性别", 60, 140, 60],
  ["女", 160, 138, 30],
  ["民族", 300, 140, 60],
  ["汉", 390, 138, 30],
  ["出生", 60, 200, 60],
  ["1964年5月18日", 160, 198, 220],
  ["住址", 60, 260, 60],
  ["浙江省杭州市西湖区天", 160, 258, 300],
  ["目山路3号院16号楼", 160, 298, 270],
  ["1105号", 160, 338, 100],
  ["公民身份号码", 60, 460, 150],
  ["330106196405182648", 300, 458, 420],
];

const BACK_FIELDS = {
  name: "欧阳璐",
  sex: "女",
  nation: "汉",
  birthday: "19640518",
  idn: "330106196405182648",
  addr: "浙江省杭州市西湖区天目山路3号院16号楼1105号",
  org: "",
  validperiod: "",
};

describe("ID card back (portrait side)", () => {
  test.each([0, 15, -20])("labels and values on separate lines, rotated %d°", (deg) => {
    const r = extractIdCard(makeLines(BACK_SEPARATE, deg));
    expect(r.side).toBe("back");
    expect(r.detail).toEqual(BACK_FIELDS);
    expect(r.warnings).toEqual([]);
  });

  test("labels merged with values in one line", () => {
    const r = extractIdCard(
      makeLines([
        ["姓名欧阳璐", 60, 80, 200],
        ["性别女民族汉", 60, 140, 330],
        ["出生1964年5月18日", 60, 200, 320],
        ["住址浙江省杭州市西湖区天", 60, 260, 400],
        ["目山路3号院16号楼", 160, 298, 270],
        ["1105号", 160, 338, 100],
        ["公民身份号码330106196405182648", 60, 460, 660],
      ]),
    );
    expect(r.detail).toEqual(BACK_FIELDS);
  });

  test("labels with one misread character at the start of a row", () => {
    const r = extractIdCard(
      makeLines([
        ["总名杨敏", 438, 170, 100, 23],
        ["综别男", 439, 195, 60, 19],
        ["民族汉", 524, 196, 60, 19],
        ["出生1962年10月7日", 437, 219, 200, 19],
        ["您址", 438, 244, 30, 16],
        ["福建省厦门市思明区中山", 473, 242, 200, 21],
        ["北路872号15幢1单", 474, 259, 180, 19],
        ["元1378室", 474, 276, 80, 17],
        ["公民身份号码", 436, 308, 90, 18],
        ["35020319621007353X", 535, 307, 240, 20],
      ]),
    );
    expect(r.detail).toMatchObject({
      name: "杨敏",
      sex: "男",
      nation: "汉",
      birthday: "19621007",
      addr: "福建省厦门市思明区中山北路872号15幢1单元1378室",
    });
  });

  test("a misread look-alike in the number is repaired and reported", () => {
    const lines = BACK_SEPARATE.map((l): LineSpec => (l[0] === "330106196405182648" ? ["33O106196405182648", l[1], l[2], l[3]] : l));
    const r = extractIdCard(makeLines(lines));
    expect(r.detail.idn).toBe("330106196405182648");
    expect(r.warnings).toContain("idn_repaired");
  });

  test("a number failing its check character is returned as read and flagged; a birthday disagreeing with a valid number is flagged", () => {
    const bad = BACK_SEPARATE.map((l): LineSpec => (l[0] === "330106196405182648" ? ["33010619640518264l", l[1], l[2], l[3]] : l));
    const r = extractIdCard(makeLines(bad));
    expect(r.detail.idn).toBe("330106196405182641");
    expect(r.detail.birthday).toBe("19640518");
    expect(r.warnings).toContain("idn_check_digit_failed");

    const mismatch = BACK_SEPARATE.map((l): LineSpec => (l[0] === "1964年5月18日" ? ["1964年5月19日", l[1], l[2], l[3]] : l));
    const m = extractIdCard(makeLines(mismatch));
    expect(m.detail.birthday).toBe("19640518");
    expect(m.warnings).toContain("birthday_mismatch");
  });

  test('a label\'s stroke read into the name\'s line ("姓" + "各姚刚") is not part of the name', () => {
    const lines = BACK_SEPARATE.flatMap((l): LineSpec[] =>
      l[0] === "姓名" ? [["姓", 60, 80, 24, 24]] : l[0] === "欧阳璐" ? [["各姚刚", 108, 78, 150]] : [l],
    );
    expect(extractIdCard(makeLines(lines, 8)).detail.name).toBe("姚刚");
  });

  test("an address printed on four lines is read to its end", () => {
    const lines = [...BACK_SEPARATE.slice(0, 11), ["1105号楼东区3单元", 160, 338, 240] as LineSpec, ["2201室", 160, 378, 100] as LineSpec];
    const idn = BACK_SEPARATE.slice(12).map((l): LineSpec => [l[0], l[1], l[2] + 20, l[3]]);
    expect(extractIdCard(makeLines([...lines, ...idn])).detail.addr).toBe("浙江省杭州市西湖区天目山路3号院16号楼1105号楼东区3单元2201室");
  });

  test("both sides in one picture: the portrait side's note, every field of both sides", () => {
    const front: LineSpec[] = [
      ["中华人民共和国", 300, 640, 300, 44],
      ["居民身份证", 300, 720, 300, 60],
      ["签发机关", 160, 940, 110],
      ["杭州市公安局西湖分局", 300, 938, 300],
      ["有效期限", 160, 1000, 110],
      ["2016.04.05-2026.04.05", 300, 998, 300],
    ];
    for (const order of [
      [...BACK_SEPARATE, ...front],
      [
        ...front.map((l): LineSpec => [l[0], l[1], l[2] - 600, l[3], l[4]]),
        ...BACK_SEPARATE.map((l): LineSpec => [l[0], l[1], l[2] + 500, l[3]]),
      ],
    ]) {
      const r = extractIdCard(makeLines(order, 5));
      expect(r.side).toBe("back");
      expect(r.detail).toEqual({ ...BACK_FIELDS, org: "杭州市公安局西湖分局", validperiod: "2016.04.05-2026.04.05" });
    }
  });

  test("multi-character nations are matched to the list", () => {
    const lines = BACK_SEPARATE.map((l): LineSpec => (l[0] === "汉" ? ["傈僳", l[1], l[2], 60] : l));
    expect(extractIdCard(makeLines(lines)).detail.nation).toBe("傈僳");
  });
});

describe("ID card front (emblem side)", () => {
  test("org and validity, labels left of values", () => {
    const r = extractIdCard(
      makeLines(
        [
          ["中华人民共和国", 300, 80, 300, 44],
          ["居民身份证", 300, 160, 300, 60],
          ["签发机关", 160, 380, 110],
          ["厦门市公安局思明分局", 300, 378, 300],
          ["有效期限", 160, 440, 110],
          ["2016.04.05-2026.04.05", 300, 438, 300],
        ],
        -12,
      ),
    );
    expect(r.side).toBe("front");
    expect(r.detail).toMatchObject({ org: "厦门市公安局思明分局", validperiod: "2016.04.05-2026.04.05", name: "", idn: "" });
  });

  test.each([
    ["2016.04.05-2026.04.05", "2016.04.05-2026.04.05"],
    ["2016.04.05—长期", "2016.04.05-长期"],
    ["2O16.04.05-2026.04.05", "2016.04.05-2026.04.05"],
    ["2016.13.05-2026.04.05", null],
  ])("validity %s", (raw, expected) => {
    expect(parseValidPeriod(raw)).toBe(expected);
  });
});

test("a picture without a card: empty side and fields, a warning", () => {
  const r = extractIdCard(
    makeLines([
      ["春季新品发布会", 100, 100, 300],
      ["欢迎莅临", 100, 200, 200],
    ]),
  );
  expect(r.side).toBe("");
  expect(Object.values(r.detail).every((v) => v === "")).toBe(true);
  expect(r.warnings).toEqual(["card_not_found"]);
});
