import type { CapabilityId } from "@/lib/capabilities/catalog";

// Prose and examples of /capabilities/<id>/docs. The body parameters, error tables and failure
// example are generated from the served definitions (lib/contract/docs-tables.ts).

export interface ParamDoc {
  name: string;
  required: boolean;
  type: string;
  description: string;
  example?: string;
}

export interface CapabilityDocs {
  description: string;
  limits: string[];
  requestBody: string;
  successExample: string;
  /** The code whose exact answer the page shows as the failure example (generated from the served table). */
  failureExampleCode: number;
  responseFields: ParamDoc[];
}

export const COMMON_HEADERS: ParamDoc[] = [
  { name: "Content-Type", required: true, type: "string", description: "JSON 格式", example: "application/json" },
  {
    name: "appkey",
    required: true,
    type: "string",
    description: "控制台「我的应用」中应用的 AppKey",
    example: "562b89493b1a40e1b97ea05e50dd8170",
  },
  {
    name: "ctyun-eop-request-id",
    required: true,
    type: "string",
    description: "用户请求 ID，建议使用 UUID，同一 AccessKey 下不可重复",
    example: "33dfa732-b27b-464f-b15a-21ed6845afd5",
  },
  {
    name: "eop-date",
    required: true,
    type: "string",
    description: "请求时间，格式 yyyymmddTHHMMSSZ，与服务器时间相差不超过 15 分钟",
    example: "20211221T163014Z",
  },
  { name: "host", required: false, type: "string", description: "终端节点域名（参与签名时必须与实际请求一致）" },
  {
    name: "Eop-Authorization",
    required: true,
    type: "string",
    description: "由 AccessKey / SecretKey 签名生成：<AK> Headers=appkey;ctyun-eop-request-id;eop-date Signature=<签名>",
  },
];

const batchLimits = [
  "图片格式：jpg、jpeg、png、bmp（按文件内容判断）",
  "单张图片不超过 10 MB，单次最多 50 张",
  "图片宽高在 32–5000 像素之间",
];

export const CAPABILITY_DOCS: Record<CapabilityId, CapabilityDocs> = {
  general: {
    description:
      "针对图片中的文字，进行 OCR 检测，返回检测到的文字内容及坐标信息。文本行按阅读顺序（自上而下、自左向右）排列；侧放或倒置（90°/180°/270°）的图片自动按正向识别。",
    limits: batchLimits,
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."]}',
    responseFields: [
      { name: "statusCode", required: true, type: "int", description: "0 表示成功" },
      { name: "message", required: true, type: "object", description: "{success: 成功张数, fail: 失败张数}" },
      { name: "returnObj[].text_line", required: false, type: "int", description: "识别到的文本行数" },
      { name: "returnObj[].detail[].name", required: false, type: "string", description: "行序号（字符串）" },
      { name: "returnObj[].detail[].text", required: false, type: "string", description: "识别到的文字" },
      {
        name: "returnObj[].detail[].box",
        required: false,
        type: "float[8]",
        description: "左上、右上、右下、左下四点的 x, y（原图像素坐标）",
      },
      { name: "returnObj[].detail[].confidence", required: false, type: "float", description: "（扩展字段）置信度" },
      {
        name: "returnObj[].paragraphs",
        required: false,
        type: "object[]",
        description:
          "仅当请求 URL 带查询参数 ?return_paragraphs=true（参与签名的 query）：段落按阅读顺序 [{lines: [detail 下标…], box: float[8]}]；多栏逐栏阅读，页眉页脚、旁注单独成段，表格每行一段；detail 顺序不变",
      },
      {
        name: "returnObj[].direction",
        required: false,
        type: "int",
        description:
          "仅当带 ?return_direction=true：0/90/180/270，图片相对正向逆时针转过的角度。方向识别始终开启：侧放或倒置的页面照常识别，box 仍为原图坐标",
      },
      {
        name: "returnObj[].tables",
        required: false,
        type: "object[]",
        description:
          "仅当带 ?return_tables=true：表格 [{box, rows, cols, cells: [{row, col, rowspan, colspan, text, box}]}]；全框线表格（含合并单元格）、三线表、按空白对齐的表格（至少 3 列）；合并单元格只出现在其左上角",
      },
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
    failureExampleCode: 400003,
  },
  idcard: {
    description:
      "针对图片中的身份证，进行 OCR 检测及后处理，返回姓名、性别、民族、出生、住址、身份证号、签发机关、有效期限等信息。图片可横放或倒置（旋转 90°/180°/270°，无需 EXIF）；字段按证件所印原样返回，号码校验不通过时原样返回并给出提示。",
    limits: batchLimits,
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."], "return_warnings": true}',
    responseFields: [
      {
        name: "returnObj[].note",
        required: true,
        type: "string",
        description:
          "front：国徽面（签发机关/有效期限）；back：人像面；两面在同一张图中时为证据更多的一面（相同时为 back），两面的字段都填写；未检测到身份证时为空",
      },
      {
        name: "returnObj[].detail",
        required: true,
        type: "object",
        description: "name, sex, nation, birthday(YYYYMMDD), idn, addr, org, validperiod；不在该面的字段为空字符串",
      },
      {
        name: "returnObj[].idcard_face",
        required: true,
        type: "string",
        description: "默认固定为 no face；请求带 return_face: true 时为人像 JPEG 的 Base64",
      },
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
        description:
          "仅当请求 URL 带查询参数 ?return_field_boxes=true（参与签名的 query）：各字段在原图中的位置 { 字段名: [x1,y1,x2,y2,x3,y3,x4,y4] }，未识别的字段不返回",
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
    failureExampleCode: 4008,
  },
  plate: {
    description:
      '针对图片中的车牌进行检测与识别（街景、停车场、近景或只含车牌的裁剪图均可），返回车牌号码、车牌颜色（蓝牌/黄牌/绿牌）、四角坐标及置信度。默认只返回单层蓝牌、黄牌、绿牌；请求体带 "all_types": true 时还返回双层黄牌（黄牌，上层在前）、黄绿牌（大型新能源）、白牌（警用、武警）、黑牌（港澳、使馆、领馆）。未检测到车牌时返回 0 个车牌，该图片按成功计费。',
    limits: batchLimits,
    requestBody: '{"data": ["/9j/4AAQSkZJRg..."]}',
    responseFields: [
      { name: "returnObj[].number of plate licenses", required: true, type: "int", description: "识别到的车牌数量" },
      { name: "returnObj[].detail[].platelicense", required: true, type: "string", description: "车牌号码（无分隔点与空格）" },
      {
        name: "returnObj[].detail[].plate_type",
        required: true,
        type: "string",
        description: "蓝牌 / 黄牌 / 绿牌（新能源）；all_types 为 true 时另有 黄绿牌 / 白牌 / 黑牌",
      },
      { name: "returnObj[].detail[].box", required: true, type: "int[4][2]", description: "左上、右上、右下、左下四点坐标" },
      { name: "returnObj[].detail[].confidence", required: true, type: "float", description: "整个号码正确的概率（0–1，各字符概率之积）" },
      {
        name: "returnObj[].detail[].char_confidence",
        required: false,
        type: "float[]",
        description: "仅当查询串带 ?return_char_confidence=true：每个字符的概率，与 platelicense 逐字对应",
      },
    ],
    successExample: `{
  "statusCode": 0,
  "message": {"success": 1, "fail": 0},
  "returnObj": [{
    "number of plate licenses": 1,
    "detail": [{"box": [[123,191],[214,195],[213,226],[122,222]], "plate_type": "蓝牌", "platelicense": "浙C80000", "confidence": 0.99}]
  }]
}`,
    failureExampleCode: 4004,
  },
  license: {
    description:
      "识别营业执照图片的内容，结构化输出统一社会信用代码、名称、类型、住所、法定代表人、注册资本、成立日期、营业期限等字段。当前限时免费。",
    limits: ["图片格式：jpg、jpeg、png、bmp", "单张图片不超过 7 MB，每次 1 张", "图片宽高在 32–5000 像素之间"],
    requestBody: '{"Action": "BusinessCardOCR", "ImageData": "/9j/4AAQSkZJRg..."}',
    responseFields: [
      {
        name: "returnObj.license_type",
        required: true,
        type: "string",
        description: "Business License；非营业执照为 Not Business License",
      },
      {
        name: "returnObj.detail",
        required: true,
        type: "object",
        description:
          "union_id, regist_no, name, type, addr, legal_rep, regist_captial, establish_date, operation_period, real_captial（仅显示实收资本时）",
      },
      {
        name: "returnObj.warnings",
        required: false,
        type: "string[]",
        description:
          "仅当请求 URL 带查询参数 ?return_warnings=true（参与签名的 query）：union_id_check_failed（统一社会信用代码校验位不符且无唯一修正，已原样返回）",
      },
      {
        name: "returnObj.field_boxes",
        required: false,
        type: "object",
        description:
          "仅当请求 URL 带查询参数 ?return_field_boxes=true（参与签名的 query）：各字段在原图中的位置 { 字段名: [x1,y1,x2,y2,x3,y3,x4,y4] }，未识别的字段不返回",
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
    failureExampleCode: 400009,
  },
};
