import { describe, expect, test } from "vitest";

import { birthdayFromId, idCheckChar, isValidIdNumber, repairIdNumber, sexFromId } from "./id-number";

describe("GB 11643 check character", () => {
  // Published example numbers (GB 11643-1999 annex and common test vectors).
  test.each([
    ["11010519491231002", "X"],
    ["44052418800101001", "4"],
    ["33010619640518264", "8"],
  ])("%s → %s", (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  test("rejects a wrong check character and an impossible date", () => {
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194902300026")).toBe(false); // 30 February
  });
});

describe("look-alike repair", () => {
  test.each([
    ["33O1O6196405182648", "330106196405182648"],
    ["330106I96405182648", "330106196405182648"],
    ["33010619640518264B", "330106196405182648"],
    ["11010519491231002x", "11010519491231002X"],
  ])("%s → %s", (raw, fixed) => {
    expect(repairIdNumber(raw)).toBe(fixed);
  });

  test("keeps a valid number as read", () => {
    expect(repairIdNumber("330106196405182648")).toBe("330106196405182648");
  });

  test("refuses when no single repair is valid", () => {
    expect(repairIdNumber("330106196405182649")).toBeNull(); // wrong digit, no look-alike
    expect(repairIdNumber("33010619640518264")).toBeNull(); // too short
  });
});

test("birthday and sex come from the number", () => {
  expect(birthdayFromId("330106196405182648")).toBe("19640518");
  expect(sexFromId("330106196405182648")).toBe("女");
  expect(sexFromId("11010519491231002X")).toBe("女");
  expect(sexFromId("440524188001010014")).toBe("男");
});
