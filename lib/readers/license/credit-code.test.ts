import { describe, expect, test } from "vitest";

import { creditCodeCheckChar, isValidCreditCode, repairCreditCode } from "./credit-code";
import { isValidRegistrationNumber, repairRegistrationNumber } from "./registration-number";

describe("GB 32100 统一社会信用代码", () => {
  // Codes of well-known companies, as printed on their public licences.
  test.each(["91350100M000100Y43", "91110000802100433B", "91440300708461136T", "913502065C6329E76M"])("%s is valid", (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  test("check character", () => {
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  test("rejects letters outside the alphabet and a wrong check character", () => {
    expect(isValidCreditCode("91350100M000100Y44")).toBe(false);
    expect(isValidCreditCode("91350100M0001O0Y43")).toBe(false); // O is not in the alphabet
  });

  test.each([
    ["91350100M0001O0Y43", "91350100M000100Y43"], // O → 0
    ["9135O1OOM000100Y43", "91350100M000100Y43"], // digits-only division code
  ])("repairs %s", (raw, fixed) => {
    expect(repairCreditCode(raw)).toBe(fixed);
  });

  test("refuses an unrepairable code", () => {
    expect(repairCreditCode("91350100M000100Y4")).toBeNull();
    expect(repairCreditCode("91350100M000100Y47")).toBeNull();
  });
});

describe("15-digit 注册号 (MOD 11,10)", () => {
  test.each(["320507023712593", "310115043061382"])("%s is valid", (no) => {
    expect(isValidRegistrationNumber(no)).toBe(true);
  });

  test("wrong check digit; look-alike repair", () => {
    expect(isValidRegistrationNumber("320507023712594")).toBe(false);
    expect(repairRegistrationNumber("32O507023712593")).toBe("320507023712593");
  });
});
