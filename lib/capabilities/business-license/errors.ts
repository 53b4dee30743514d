import type { CapabilityErrorFamily } from "@/lib/capabilities/capability-error";

// Seed §4.3.4 营业执照 table 10 (6-digit codes). Unlike the other endpoints, `message` carries the
// 错误信息 text (seed example: {"statusCode":400009,"message":"Action值设置错误",...}).
export const BUSINESS_LICENSE_ERRORS = {
  codes: {
    400003: { message: "body内容为空", details: "Body请求数据为空，没有包含内容" },
    400004: { message: "body请求体非json格式", details: "body内容需要符合json要求" },
    400005: { message: "请求体类型错误", details: "请求体需为字典，不能为其他类型" },
    400006: { message: "必传的参数未传", details: "必须的参数（'Action'、'ImageData'）未传" },
    400007: { message: "传递非法参数", details: "body字典内有除（'Action'、'ImageData'）外的参数" },
    400008: {
      message: "请求体的字段类型错误",
      details: "请求体的字段（'Action'、'ImageData'）类型错误，类型只能为字符串，不能为其他类型",
    },
    400009: { message: "Action值设置错误", details: "Action值设置错误" },
    400010: { message: "'ImageData'字段值为空字符", details: "'ImageData'字段的base64字符串转换字节码异常" },
    400011: { message: "'ImageData'字段base64数据处理异常", details: "'ImageData'字段base64数据处理异常" },
    400012: { message: "请求文件格式不合法", details: "仅支持 jpeg/png/jpg/bmp 格式" },
    400013: { message: "图片文件大小不符合要求", details: "该文件大小不符合要求,静态图片要求小于7M" },
    400014: { message: "图片解码错误", details: "字节码解码为图片错误" },
    400015: { message: "图片尺寸不符合要求", details: "分辨率长宽尺寸应不高于5000不低于32" },
    500001: { message: "服务接口异常，请联系管理员", details: "需要联系管理员处理" },
  },
  messageStyle: "text",
  internalCode: 500001,
} as const satisfies CapabilityErrorFamily;
