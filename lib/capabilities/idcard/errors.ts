import type { CapabilityErrorFamily, CapabilityErrorText } from "@/lib/capabilities/capability-error";

// Seed §4.3.2 table 10 (ID card, 4-digit codes); 错误信息 and 错误描述 are identical there.
/** A row whose 错误信息 and 错误描述 are the same text (the 4-digit tables). */
export const same = (text: string, extra: Pick<CapabilityErrorText, "http" | "scope"> = {}): CapabilityErrorText => ({
  message: text,
  details: text,
  ...extra,
});

export const IDCARD_ERRORS = {
  codes: {
    4001: same("请求JSON处理异常"),
    4002: same("body传入的不是字典"),
    4003: same("请求中未包data字段"),
    4004: same("data字段图片数据不是list格式"),
    4005: same("图片list内图片数量为0"),
    4006: same("图片list内图片数量超过50张"),
    4008: same("base64数据处理异常", { scope: "image" }),
    4009: same("请求文件格式不合法，仅支持 jpeg/png/jpg/bmp 格式", { scope: "image" }),
    4010: same("单张图片大小超过10M", { scope: "image" }),
    4011: same("图片尺寸不符合要求，分辨率长宽尺寸应小于5000大于32", { scope: "image" }),
    4012: same("请求方法错误，请使用POST请求", { http: 405 }),
    4013: same("无效的请求路径，请确保请求路径正确"),
    5000: same("OCR服务接口异常，请联系管理员", { scope: "both" }),
  },
  messageStyle: "error",
  internalCode: 5000,
} as const satisfies CapabilityErrorFamily;
