import type { CapabilityErrorFamily } from "@/lib/capabilities/capability-error";

// Seed §4.3.4 table 10 (licence plate, 4-digit codes), texts verbatim. The plate table has no
// 4012/4013 rows; the contract gives plates the same codes, so their texts come from the ID card table.
const same = (text: string) => ({ message: text, details: text });

export const PLATE_ERRORS = {
  codes: {
    4001: same("请求JSON处理异常"),
    4002: same("body传入不是字典"),
    4003: same("请求中未包data字段"),
    4004: same("data字段图片数据不是list格式"),
    4005: same("图片list内图片数量为0"),
    4006: same("图片list内图片数量超过50张"),
    4008: same("base64数据处理异常"),
    4009: same("请求文件格式不合法，仅支持 jpeg/png/jpg/bmp 格式"),
    4010: same("单张图片大小超过10M"),
    4011: same("图片尺寸不符合要求,分辨率长宽尺寸应不高于5000不低于32"),
    4012: same("请求方法错误，请使用POST请求"),
    4013: same("无效的请求路径，请确保请求路径正确"),
    5000: same("OCR服务接口异常，请联系管理员"),
  },
  messageStyle: "error",
  internalCode: 5000,
} as const satisfies CapabilityErrorFamily;
