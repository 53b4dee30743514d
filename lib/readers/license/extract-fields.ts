// Business licence (营业执照) fields from OCR lines, for the single-column (portrait) and
// two-column (landscape, with 经营范围 on the left) layouts. Keys spelled as the seed.
import type { TextLine } from "@/lib/ocr/types";
import { groupRows, toTokens, type Token } from "@/lib/readers/layout/layout";
import { readLabelledFields, type LabelSpec } from "@/lib/readers/layout/labelled-fields";

import { creditCodeAsRead, repairCreditCode } from "./credit-code";
import { repairRegistrationNumber } from "./registration-number";

export interface BusinessLicenseDetail {
  union_id: string;
  regist_no: string;
  name: string;
  type: string;
  addr: string;
  legal_rep: string;
  regist_captial: string;
  establish_date: string;
  operation_period: string;
  /** Present only when the licence shows 实收资本 (seed §4.3.4). */
  real_captial?: string;
}

/** `union_id_check_failed`: the credit code printed fails GB 32100's check and is returned as read. */
export type LicenseWarning = "union_id_check_failed";

export interface BusinessLicenseExtraction {
  isLicense: boolean;
  detail: BusinessLicenseDetail;
  warnings: LicenseWarning[];
}

export const EMPTY_LICENSE_DETAIL: BusinessLicenseDetail = {
  union_id: "",
  regist_no: "",
  name: "",
  type: "",
  addr: "",
  legal_rep: "",
  regist_captial: "",
  establish_date: "",
  operation_period: "",
};

type LicenseKey =
  | "union_id"
  | "regist_no"
  | "name"
  | "type"
  | "addr"
  | "legal_rep"
  | "regist_captial"
  | "real_captial"
  | "establish_date"
  | "operation_period"
  | "scope"
  | "authority";

// Labels of both layouts and of the older licences; "scope" and "authority" are read only so
// that their text is not taken for a wrapped neighbour.
const LABELS: LabelSpec<LicenseKey>[] = [
  { key: "union_id", label: /统一社会信用代码/ },
  { key: "regist_no", label: /注册号/ },
  { key: "name", label: /企业名称|名称/, maxWrapRows: 1 },
  { key: "type", label: /类型|主体类型/, maxWrapRows: 2 },
  { key: "addr", label: /住所|主要经营场所|经营场所|营业场所/, maxWrapRows: 2 },
  { key: "legal_rep", label: /法定代表人|执行事务合伙人|负责人|经营者|投资人/ },
  { key: "regist_captial", label: /注册资本|注册资金|出资额|出资总额/ },
  { key: "real_captial", label: /实收资本/ },
  { key: "establish_date", label: /成立日期|注册日期/ },
  { key: "operation_period", label: /营业期限|经营期限|合伙期限/, maxWrapRows: 1 },
  { key: "scope", label: /经营范围/, maxWrapRows: 12 },
  { key: "authority", label: /登记机关/ },
];

const TITLE = /营业执照/;
/** Field labels needed (besides the title) to call a picture a licence. */
const MIN_LABELS_WITH_TITLE = 2;
const MIN_LABELS_WITHOUT_TITLE = 4;

export function extractBusinessLicense(lines: TextLine[]): BusinessLicenseExtraction {
  const tokens = toTokens(lines);
  const fields = readLabelledFields(groupRows(tokens), LABELS);
  const labelCount = (Object.keys(fields) as LicenseKey[]).filter((k) => k !== "authority").length;
  const hasTitle = tokens.some((t) => TITLE.test(t.text));
  const isLicense = labelCount >= (hasTitle ? MIN_LABELS_WITH_TITLE : MIN_LABELS_WITHOUT_TITLE);
  if (!isLicense) return { isLicense, detail: { ...EMPTY_LICENSE_DETAIL }, warnings: [] };

  const text = (key: LicenseKey) => clean(fields[key]?.text ?? "");
  const detail: BusinessLicenseDetail = {
    union_id: findCode(tokens, fields.union_id?.text, 18, repairCreditCode),
    regist_no: fields.regist_no ? findCode(tokens, fields.regist_no.text, 15, repairRegistrationNumber) : "",
    name: text("name"),
    type: text("type"),
    addr: text("addr"),
    legal_rep: text("legal_rep"),
    regist_captial: text("regist_captial"),
    establish_date: cleanDate(text("establish_date")),
    operation_period: cleanPeriod(text("operation_period")),
  };
  if (fields.real_captial) detail.real_captial = text("real_captial");
  const warnings: LicenseWarning[] = [];
  // Printed but failing its check, with no unique repair: returned as read, flagged.
  const printed = [fields.union_id?.text ?? "", ...tokens.map((t) => t.text)]
    .map((text) => /(?<![0-9A-Z|])[0-9A-Z|]{18}(?![0-9A-Z|])/.exec(text.toUpperCase())?.[0])
    .find(Boolean);
  if (!detail.union_id && printed) {
    detail.union_id = creditCodeAsRead(printed);
    warnings.push("union_id_check_failed");
  }
  return { isLicense, detail, warnings };
}

function clean(value: string): string {
  return value.replace(/^[:：;；.,，。、]+/, "");
}

function cleanDate(value: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(value.replace(/[Oo]/g, "0"));
  return m ? m[0] : value;
}

function cleanPeriod(value: string): string {
  const v = value.replace(/[Oo](?=\d|年|月|日)/g, "0");
  const m = /\d{4}年\d{1,2}月\d{1,2}日(?:至|-|—)(?:\d{4}年\d{1,2}月\d{1,2}日|长期|永久)/.exec(v);
  return m ? m[0].replace(/[-—]/, "至") : v;
}

/**
 * A valid code of `length` characters: first from the labelled value (which may have been
 * read on the label's line or the next), then anywhere on the page.
 */
function findCode(tokens: Token[], labelled: string | undefined, length: number, repair: (raw: string) => string | null): string {
  const texts = [labelled ?? "", ...tokens.map((t) => t.text)];
  for (const text of texts) {
    for (const run of text.toUpperCase().match(/[0-9A-Z|]{12,}/g) ?? []) {
      for (let i = 0; i + length <= run.length; i++) {
        const code = repair(run.slice(i, i + length));
        if (code) return code;
      }
    }
  }
  return "";
}
