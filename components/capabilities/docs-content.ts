import type { CapabilityId } from "@/lib/capabilities/catalog";

// The API contract (shared/spec/API.md + seed §4) rendered for users on /capabilities/<id>/docs.

export interface ParamDoc {
  name: string;
  required: boolean;
  type: string;
  description: string;
  example?: string;
}

export interface ErrorDoc {
  code: string;
  message: string;
  description: string;
}

export interface CapabilityDocs {
  description: string;
  limits: string[];
  body: ParamDoc[];
  requestBody: string;
  successExample: string;
  failureExample: string;
  responseFields: ParamDoc[];
  errors: ErrorDoc[];
}

export const COMMON_HEADERS: ParamDoc[] = [
  { name: "Content-Type", required: true, type: "string", description: "JSON 格式", example: "application/json" },
  { name: "appkey", required: true, type: "string", description: "控制台「我的应用」中应用的 AppKey", example: "562b89493b1a40e1b97ea05e50dd8170" },
  { name: "ctyun-eop-request-id", required: true, type: "string", description: "用户请求 ID，建议使用 UUID，同一 AccessKey 下不可重复", example: "33dfa732-b27b-464f-b15a-21ed6845afd5" },
  { name: "eop-date", required: true, type: "string", description: "请求时间，格式 yyyymmddTHHMMSSZ，与服务器时间相差不超过 15 分钟", example: "20211221T163014Z" },
  { name: "host", required: false, type: "string", description: "终端节点域名（参与签名时必须与实际请求一致）" },
  { name: "Eop-Authorization", required: true, type: "string", description: "由 AccessKey / SecretKey 签名生成：<AK> Headers=appkey;ctyun-eop-request-id;eop-date Signature=<签名>" },
];

export const GATEWAY_ERRORS: ErrorDoc[] = [
  { code: "10002", message: "AccessKey 错误", description: "AccessKey 不存在或已禁用（HTTP 401）" },
  { code: "10020", message: "签名错误", description: "签名不匹配、签名头缺失、eop-date 超出允许范围或请求 ID 重复（HTTP 401）" },
  { code: "40002", message: "缺少 appkey 头", description: "HTTP 401" },
  { code: "40006", message: "无效的 appkey", description: "AppKey 不存在或不属于该 AccessKey 的账号（HTTP 401）" },
  { code: "40008", message: "不支持的请求类型", description: "HTTP 405 / 415" },
  { code: "40009", message: "IP 未被 APP 授权", description: "调用方 IP 不在应用的 IP 白名单中（HTTP 403）" },
  { code: "40013", message: "请求体过大", description: "请求体超过接口上限：营业执照约 9.4 MiB（7 MiB 图片的 Base64），批量接口 50 张 10 MiB 图片且不超过服务端 MAX_BODY_BYTES（HTTP 413）" },
  { code: "40029", message: "请求过于频繁", description: "超出应用 QPS 限制，按 Retry-After 重试（HTTP 429）" },
  { code: "50001", message: "服务未注册", description: "未知的 API 路径（HTTP 404）" },
  { code: "50002", message: "应用未开通", description: "应用未开通该能力（HTTP 403）" },
  { code: "51001", message: "购买服务已过期", description: "资源包已过期（HTTP 403）" },
  { code: "51002", message: "收费 API 未购买", description: "没有可用资源包（HTTP 403）" },
  { code: "51003", message: "API 可用次数已不足", description: "资源包次数已用完（HTTP 403）" },
  { code: "50010", message: "服务繁忙，请稍后重试", description: "服务实例已满载（处理中的图片数或其内存、读取中的请求体字节已达上限）或数据库暂不可用，立即返回、未计费；按 Retry-After 重试（HTTP 503）" },
  { code: "50000", message: "服务内部错误", description: "HTTP 500" },
];

const dataParam: ParamDoc = { name: "data", required: true, type: "List<string>", description: "一张或多张图片的 Base64 编码（标准或 URL-safe 字母表，不含 data: 前缀），1–50 张", example: '["/9j/4AAQSkZJRg..."]' };
const batchLimits = ["图片格式：jpg、jpeg、png、bmp（按文件内容判断）", "单张图片不超过 10 MB，单次最多 50 张", "图片宽高在 32–5000 像素之间"];

const BATCH4_ERRORS: ErrorDoc[] = [
  { code: "AI_OP_4001", message: "请求JSON处理异常", description: "请求体不是合法 JSON" },
  { code: "AI_OP_4002", message: "body传入的不是字典", description: "请求体需为 JSON 对象" },
  { code: "AI_OP_4003", message: "请求中未包data字段", description: "缺少 data" },
  { code: "AI_OP_4004", message: "data字段图片数据不是list格式", description: "data 应为列表" },
  { code: "AI_OP_4005", message: "图片list内图片数量为0", description: "data 为空列表" },
  { code: "AI_OP_4006", message: "图片list内图片数量超过50张", description: "超过个数限制" },
  { code: "AI_OP_4008", message: "base64数据处理异常", description: "单张图片（returnObj 元素内 err_code）" },
  { code: "AI_OP_4009", message: "请求文件格式不合法", description: "单张图片：仅支持 jpeg/png/jpg/bmp，无法解码也返回此码" },
  { code: "AI_OP_4010", message: "文件大小不符合要求", description: "单张图片：超过 10 MB" },
  { code: "AI_OP_4011", message: "图片尺寸不符合要求", description: "单张图片：宽高应在 32–5000 之间" },
  { code: "AI_OP_4012", message: "请求方法错误", description: "请使用 POST（HTTP 405）" },
  { code: "AI_OP_4013", message: "请求路径错误", description: "API ID 正确但路径错误" },
  { code: "AI_OP_5000", message: "服务内部错误", description: "请联系管理员" },
];

export const CAPABILITY_DOCS: Record<CapabilityId, CapabilityDocs> = {
  general: {
    description: "针对图片中的文字，进行 OCR 检测，返回检测到的文字内容及坐标信息。文本行按阅读顺序（自上而下、自左向右）排列。",
    limits: batchLimits,
    body: [dataParam],
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."]}',
    responseFields: [
      { name: "statusCode", required: true, type: "int", description: "0 表示成功" },
      { name: "message", required: true, type: "object", description: "{success: 成功张数, fail: 失败张数}" },
      { name: "returnObj[].text_line", required: false, type: "int", description: "识别到的文本行数" },
      { name: "returnObj[].detail[].name", required: false, type: "string", description: "行序号（字符串）" },
      { name: "returnObj[].detail[].text", required: false, type: "string", description: "识别到的文字" },
      { name: "returnObj[].detail[].box", required: false, type: "float[8]", description: "左上、右上、右下、左下四点的 x, y（原图像素坐标）" },
      { name: "returnObj[].detail[].confidence", required: false, type: "float", description: "（扩展字段）置信度" },
    ],
    successExample: `{
  "statusCode": 0,
  "message": {"success": 1, "fail": 0},
  "returnObj": [{
    "text_line": 2,
    "detail": [
      {"name": "0", "text": "社会主义核心价值观", "box": [43.4, 157.4, 610.6, 169.5, 609.2, 236.1, 42.0, 224.0]},
      {"name": "1", "text": "富强、民主、文明、和谐", "box": [84.7, 244.0, 573.9, 248.2, 573.4, 300.0, 84.2, 295.8]}
    ]
  }]
}`,
    failureExample: `{"statusCode": 400003, "message": "error", "details": "请求体请求数据为空，没有包含内容", "error": "AI_OP_400003"}`,
    errors: [
      { code: "AI_OP_400001", message: "请求路径错误", description: "请求路径错误" },
      { code: "AI_OP_400002", message: "请求方法错误", description: "请使用 POST 请求" },
      { code: "AI_OP_400003", message: "请求体内容为空", description: "请求体请求数据为空，没有包含内容" },
      { code: "AI_OP_400004", message: "请求体非 json 格式", description: "请求体内容需要符合 json 要求" },
      { code: "AI_OP_400005", message: "请求体类型错误", description: "请求体需为字典，不能为其他类型" },
      { code: "AI_OP_400006", message: "必传的参数未传", description: "必须的参数（data）未传" },
      { code: "AI_OP_400008", message: "请求体的参数字段类型错误", description: "data 字段应该是 list 类型" },
      { code: "AI_OP_400009", message: "请求体的参数字段值为空", description: "data 列表为空" },
      { code: "AI_OP_400011", message: "base64 数据处理异常", description: "单张图片：base64 转换字节码异常" },
      { code: "AI_OP_400012", message: "文件格式不合法", description: "单张图片：仅支持 jpeg/png/jpg/bmp 格式" },
      { code: "AI_OP_400013", message: "文件大小不符合要求", description: "单张图片：图片要求小于 10M" },
      { code: "AI_OP_400018", message: "超过个数限制", description: "最多传 50 张图片" },
      { code: "AI_OP_410001", message: "图片解码错误", description: "单张图片：字节码解码为图片错误" },
      { code: "AI_OP_410002", message: "图片尺寸不符合要求", description: "单张图片：分辨率长宽应不高于 5000 不低于 32" },
      { code: "AI_OP_500001", message: "OCR服务接口异常", description: "请联系管理员" },
    ],
  },
  idcard: {
    description: "针对图片中的身份证，进行 OCR 检测及后处理，返回姓名、性别、民族、出生、住址、身份证号、签发机关、有效期限等信息。",
    limits: batchLimits,
    body: [
      dataParam,
      { name: "return_face", required: false, type: "boolean", description: "扩展（默认关闭）：为 true 时 idcard_face 返回人像面头像裁剪图（JPEG Base64），无法定位时仍为 no face", example: "true" },
      { name: "return_warnings", required: false, type: "boolean", description: "扩展（默认关闭）：为 true 时每张结果增加 warnings 列表，列出未通过的校验", example: "true" },
    ],
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."], "return_warnings": true}',
    responseFields: [
      { name: "returnObj[].note", required: true, type: "string", description: "front：国徽面（签发机关/有效期限）；back：人像面；未检测到身份证时为空" },
      { name: "returnObj[].detail", required: true, type: "object", description: "name, sex, nation, birthday(YYYYMMDD), idn, addr, org, validperiod；不在该面的字段为空字符串" },
      { name: "returnObj[].idcard_face", required: true, type: "string", description: "默认固定为 no face；请求带 return_face: true 时为人像 JPEG 的 Base64" },
      { name: "returnObj[].demo_image", required: true, type: "string", description: "固定为 demo_image" },
      { name: "returnObj[].risk", required: true, type: "string", description: "默认 normal" },
      {
        name: "returnObj[].warnings",
        required: false,
        type: "string[]",
        description:
          "仅当请求带 return_warnings: true：card_not_found（未找到身份证）、idn_check_digit_failed（号码校验位不符，已原样返回）、idn_repaired（按校验位唯一修正了形近字符）、birthday_mismatch / sex_mismatch（出生、性别与号码不一致）、low_confidence（识别置信度低）",
      },
      {
        name: "returnObj[].field_boxes",
        required: false,
        type: "object",
        description: "仅当请求 URL 带查询参数 ?return_field_boxes=true（参与签名的 query）：各字段在原图中的位置 { 字段名: [x1,y1,x2,y2,x3,y3,x4,y4] }，未识别的字段不返回",
      },
    ],
    successExample: `{
  "statusCode": 0,
  "message": {"success": 1, "fail": 0},
  "returnObj": [{
    "note": "front",
    "detail": {"name": "", "sex": "", "nation": "", "birthday": "", "idn": "", "addr": "",
               "org": "兰州市公安局城关分局", "validperiod": "2007.07.27-2027.07.27"},
    "idcard_face": "no face", "demo_image": "demo_image", "risk": "normal"
  }]
}`,
    failureExample: `{"statusCode": 0, "message": {"success": 0, "fail": 1}, "returnObj": [{"err_code": 4008, "err_msg": "base64数据处理异常"}]}`,
    errors: BATCH4_ERRORS,
  },
  plate: {
    description: "针对图片中的车牌进行检测与识别，返回车牌号码、车牌颜色（蓝牌/黄牌/绿牌）、位置坐标及置信度。",
    limits: batchLimits,
    body: [dataParam],
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."]}',
    responseFields: [
      { name: "returnObj[].number of plate licenses", required: true, type: "int", description: "识别到的车牌数量" },
      { name: "returnObj[].detail[].platelicense", required: true, type: "string", description: "车牌号码（无分隔点与空格）" },
      { name: "returnObj[].detail[].plate_type", required: true, type: "string", description: "蓝牌 / 黄牌 / 绿牌（新能源）" },
      { name: "returnObj[].detail[].box", required: true, type: "int[4][2]", description: "左上、右上、右下、左下四点坐标" },
      { name: "returnObj[].detail[].confidence", required: true, type: "float", description: "置信度" },
    ],
    successExample: `{
  "statusCode": 0,
  "message": {"success": 1, "fail": 0},
  "returnObj": [{
    "number of plate licenses": 1,
    "detail": [{"box": [[123,191],[214,195],[213,226],[122,222]], "plate_type": "蓝牌", "platelicense": "浙C80000", "confidence": 0.99}]
  }]
}`,
    failureExample: `{"statusCode": 4004, "message": "error", "details": "data字段图片数据不是list格式", "error": "AI_OP_4004"}`,
    errors: BATCH4_ERRORS,
  },
  license: {
    description: "识别营业执照图片的内容，结构化输出统一社会信用代码、名称、类型、住所、法定代表人、注册资本、成立日期、营业期限等字段。当前限时免费。",
    limits: ["图片格式：jpg、jpeg、png、bmp", "单张图片不超过 7 MB，每次 1 张", "图片宽高在 32–5000 像素之间"],
    body: [
      { name: "Action", required: true, type: "string", description: "固定为 BusinessCardOCR", example: "BusinessCardOCR" },
      { name: "ImageData", required: true, type: "string", description: "图片的 Base64 编码", example: "/9j/4AAQSkZJRg..." },
    ],
    requestBody: '{"Action": "BusinessCardOCR", "ImageData": "/9j/4AAQSkZJRg..."}',
    responseFields: [
      { name: "returnObj.license_type", required: true, type: "string", description: "Business License；非营业执照为 Not Business License" },
      { name: "returnObj.detail", required: true, type: "object", description: "union_id, regist_no, name, type, addr, legal_rep, regist_captial, establish_date, operation_period, real_captial（仅显示实收资本时）" },
      {
        name: "returnObj.field_boxes",
        required: false,
        type: "object",
        description: "仅当请求 URL 带查询参数 ?return_field_boxes=true（参与签名的 query）：各字段在原图中的位置 { 字段名: [x1,y1,x2,y2,x3,y3,x4,y4] }，未识别的字段不返回",
      },
    ],
    successExample: `{
  "statusCode": 0,
  "message": "success",
  "returnObj": {
    "license_type": "Business License",
    "detail": {"union_id": "91110000XXXXXXXXXX", "regist_no": "", "name": "XX科技有限公司", "type": "有限责任公司",
               "addr": "北京市XX区XX路1号", "legal_rep": "张三", "regist_captial": "200万元人民币",
               "establish_date": "2015年06月01日", "operation_period": "2015年06月01日至长期"}
  }
}`,
    failureExample: `{"statusCode": 400009, "message": "Action 参数错误", "details": "Action 参数错误", "error": "AI_OP_400009"}`,
    errors: [
      { code: "AI_OP_400003", message: "请求体内容为空", description: "请求体为空" },
      { code: "AI_OP_400004", message: "请求体非 json 格式", description: "请求体需为 JSON" },
      { code: "AI_OP_400005", message: "请求体类型错误", description: "请求体需为字典" },
      { code: "AI_OP_400006", message: "必传的参数未传", description: "缺少 Action 或 ImageData" },
      { code: "AI_OP_400007", message: "多余的参数", description: "请求体包含未定义的字段" },
      { code: "AI_OP_400009", message: "Action 参数错误", description: "Action 应为 BusinessCardOCR" },
      { code: "AI_OP_400010", message: "ImageData 为空", description: "ImageData 为空字符串" },
      { code: "AI_OP_400011", message: "base64 数据处理异常", description: "ImageData 不是合法 Base64" },
      { code: "AI_OP_400012", message: "文件格式不合法", description: "仅支持 jpeg/png/jpg/bmp 格式" },
      { code: "AI_OP_400013", message: "文件大小不符合要求", description: "图片要求小于 7M" },
      { code: "AI_OP_400014", message: "图片解码错误", description: "字节码解码为图片错误" },
      { code: "AI_OP_400015", message: "图片尺寸不符合要求", description: "长宽应在 32–5000 之间" },
      { code: "AI_OP_500001", message: "服务接口异常", description: "请联系管理员" },
    ],
  },
};

export const PYTHON_EXAMPLE = (path: string, body: string) => `import base64, hashlib, hmac, json, uuid, requests
from datetime import datetime, timezone

AK, SK, APP_KEY = "<AccessKey>", "<SecretKey>", "<AppKey>"
URL = "<终端节点>${path}"

def hmac_sha256(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()

img = base64.b64encode(open("test.jpg", "rb").read()).decode()
body = json.dumps(${body.replace('"/9j/4AAQSkZJRg..."', "img")})
request_id = str(uuid.uuid4())
eop_date = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

header_block = f"appkey:{APP_KEY}\\nctyun-eop-request-id:{request_id}\\neop-date:{eop_date}\\n"
string_to_sign = header_block + "\\n" + "" + "\\n" + hashlib.sha256(body.encode("utf-8")).hexdigest()
k_time = hmac_sha256(SK.encode("utf-8"), eop_date)
k_ak = hmac_sha256(k_time, AK)
k_date = hmac_sha256(k_ak, eop_date[:8])
signature = base64.b64encode(hmac_sha256(k_date, string_to_sign)).decode()

headers = {
    "Content-Type": "application/json",
    "appkey": APP_KEY,
    "ctyun-eop-request-id": request_id,
    "eop-date": eop_date,
    "Eop-Authorization": f"{AK} Headers=appkey;ctyun-eop-request-id;eop-date Signature={signature}",
}
print(requests.post(URL, data=body, headers=headers).json())`;
