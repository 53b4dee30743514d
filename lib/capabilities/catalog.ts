// The four API products, their public paths and the seed's price table (§2, §5.1).
// Plain data with no server imports: the console and the gateway both read it.

export const CAPABILITY_IDS = ["general", "idcard", "plate", "license"] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

export const isCapabilityId = (value: string): value is CapabilityId => (CAPABILITY_IDS as readonly string[]).includes(value);

export interface PriceTierDef {
  calls: number;
  /** Price in fen (1/100 yuan). */
  priceFen: number;
}

export interface CapabilityDef {
  id: CapabilityId;
  name: string;
  /** Calls are charged to quota packs; a free capability can be called once opened. */
  paid: boolean;
  /** API id segments under /v1/aiop/api/ (first is canonical, the rest are aliases). */
  routes: { apiId: string; path: string }[];
  trialCalls: number;
  priceTiers: PriceTierDef[];
  summary: string;
}

const yuan = (n: number) => n * 100;
/** Trial and purchased packs are valid for one year (seed §5.1). */
export const PACK_VALID_DAYS = 365;

// The seed prices ID card and plate packs alike.
const IDCARD_AND_PLATE_TIERS: PriceTierDef[] = [
  { calls: 100_000, priceFen: yuan(1350) },
  { calls: 1_000_000, priceFen: yuan(9600) },
  { calls: 5_000_000, priceFen: yuan(39000) },
  { calls: 10_000_000, priceFen: yuan(78000) },
];

export const CAPABILITIES: readonly CapabilityDef[] = [
  {
    id: "general",
    name: "通用型OCR",
    paid: true,
    routes: [{ apiId: "2f3p1pnxpqm8", path: "/ocrdetect/ocr/v1/image.json" }],
    trialCalls: 10_000,
    priceTiers: [
      { calls: 100_000, priceFen: yuan(450) },
      { calls: 1_000_000, priceFen: yuan(3200) },
      { calls: 5_000_000, priceFen: yuan(11500) },
      { calls: 10_000_000, priceFen: yuan(22000) },
    ],
    summary: "针对图片中的文字，进行 OCR 检测，返回检测到的文字内容及坐标信息",
  },
  {
    id: "idcard",
    name: "身份证识别",
    paid: true,
    routes: [{ apiId: "2f3os7qq79xc", path: "/IdentityCard/ocr/v1/idcard.json" }],
    trialCalls: 10_000,
    priceTiers: IDCARD_AND_PLATE_TIERS,
    summary: "针对图片中的身份证，进行 OCR 检测，返回检测到的姓名、身份证号码等信息",
  },
  {
    id: "plate",
    name: "车牌识别",
    paid: true,
    routes: [{ apiId: "2gt54ed8660w", path: "/driven-plate-ocr/platelicense.json" }],
    trialCalls: 10_000,
    priceTiers: IDCARD_AND_PLATE_TIERS,
    summary: "针对图片中的车牌，进行 OCR 检测，返回检测到的车牌内容及车牌位置坐标",
  },
  {
    id: "license",
    name: "营业执照识别",
    paid: false,
    routes: [
      { apiId: "2k8jo3ghhjwg", path: "/businesslicense/ocr/v1/BusinessLicense.json" },
      // The seed's §4.3.4 URL; the contract serves it as an alias.
      { apiId: "2z0yhhrzgv0g", path: "/tts/predict" },
    ],
    trialCalls: 0,
    priceTiers: [],
    summary: "针对营业执照图片，进行 OCR 检测，返回统一社会信用代码、名称、住所等信息",
  },
];

/** The console's label for the billing mode: "商用" (needs packs) or "限免" (free for a limited time). */
export const billingLabel = (def: Pick<CapabilityDef, "paid">): "商用" | "限免" => (def.paid ? "商用" : "限免");

export function getCapabilityDef(id: CapabilityId): CapabilityDef {
  const def = CAPABILITIES.find((c) => c.id === id);
  if (!def) throw new Error(`Unknown capability ${id}`);
  return def;
}

export const API_PREFIX = "/v1/aiop/api/";

/** The canonical public path of a capability, e.g. /v1/aiop/api/2f3p1pnxpqm8/ocrdetect/ocr/v1/image.json */
export function capabilityPath(id: CapabilityId): string {
  const route = getCapabilityDef(id).routes[0]!;
  return `${API_PREFIX}${route.apiId}${route.path}`;
}
