import type { CapabilityErrorFamily } from "@/lib/capabilities/capability-error";
import { IDCARD_ERRORS, same } from "@/lib/capabilities/idcard/errors";

// Seed §4.3.4 table 10 (licence plate, 4-digit codes). It repeats the ID card table except for two
// texts, kept verbatim below. It has no 4012/4013 rows; the contract gives plates the same codes,
// so those texts come from the ID card table too.

export const PLATE_ERRORS = {
  ...IDCARD_ERRORS,
  codes: {
    ...IDCARD_ERRORS.codes,
    4002: same("body传入不是字典"),
    4011: same("图片尺寸不符合要求,分辨率长宽尺寸应不高于5000不低于32", { scope: "image" }),
  },
} as const satisfies CapabilityErrorFamily;
