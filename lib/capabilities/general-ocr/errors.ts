import type { CapabilityErrorFamily } from "@/lib/capabilities/capability-error";

// Seed §4.3.1 table 10 (general OCR, 6-digit codes), texts verbatim.
export const GENERAL_OCR_ERRORS = {
  codes: {
    400001: { message: "请求路径错误", details: "请求路径错误" },
    400002: { message: "请求方法错误", details: "请求方法错误，请使用 POST 请求", http: 405 },
    400003: { message: "请求体内容为空", details: "请求体请求数据为空，没有包含内容" },
    400004: { message: "请求体非 json 格式", details: "请求体内容需要符合 json 要求" },
    400005: { message: "请求体类型错误", details: "请求体需为字典，不能为其他类型" },
    400006: { message: "必传的参数未传", details: "必须的参数（data）未传" },
    400008: { message: "请求体的参数字段类型错误", details: "data 字段应该是 list 类型" },
    400009: { message: "请求体的参数字段值为空", details: "data 列表为空" },
    400011: { message: "base64 数据处理异常", details: "data 字段的 base64 字符串转换字节码异常", scope: "image" },
    400012: { message: "文件格式不合法", details: "仅支持 jpeg/png/jpg/bmp 格式", scope: "image" },
    400013: { message: "文件大小不符合要求", details: "该文件大小不符合要求，图片要求小于 10M", scope: "image" },
    400018: { message: "超过个数限制", details: "data 超过个数限制，最多传 50 张图片" },
    410001: { message: "图片解码错误", details: "字节码解码为图片错误", scope: "image" },
    410002: { message: "图片尺寸不符合要求", details: "分辨率长宽尺寸应不高于 5000 不低于 32", scope: "image" },
    500001: { message: "OCR服务接口异常，请联系管理员", details: "需要联系管理员处理", scope: "both" },
  },
  messageStyle: "error",
  internalCode: 500001,
} as const satisfies CapabilityErrorFamily;
