// ID card (居民身份证) fields from OCR lines. Side by content (API.md): "front" is the
// national-emblem side (签发机关/有效期限), "back" the portrait side (姓名 … 公民身份号码).
import type { Quad, TextLine } from "@/lib/ocr/types";
import { dominantAngle, groupRows, rotatePoint, toTokens, type Token } from "@/lib/readers/layout/layout";
import { readLabelledFields, type FieldValue, type LabelSpec } from "@/lib/readers/layout/labelled-fields";

import { birthdayFromId, idNumberAsRead, isValidDate, repairIdNumber, sexFromId } from "./id-number";
import { matchNation } from "./nations";

export interface IdCardDetail {
  name: string;
  sex: string;
  nation: string;
  birthday: string;
  idn: string;
  addr: string;
  org: string;
  validperiod: string;
}

export type IdCardSide = "front" | "back" | "";

export type IdCardWarning =
  | "card_not_found"
  | "idn_check_digit_failed"
  | "idn_repaired"
  | "birthday_mismatch"
  | "sex_mismatch"
  | "low_confidence";

export interface IdCardExtraction {
  side: IdCardSide;
  detail: IdCardDetail;
  warnings: IdCardWarning[];
  /** Back side: the page rotation and the number's box in the upright frame (to find the portrait). */
  layout?: { angle: number; numberBox?: Box };
  /**
   * Where to read 民族 again when the page pass read the label but no known group: a quad
   * in image pixels, and the text the crop holds before the value (a label sharing the line).
   */
  nationRead?: { quad: Quad; prefix: string };
}

export type Box = Pick<Token, "x0" | "y0" | "x1" | "y1">;

/** Width of the 民族 value's slot, in line heights: names have up to 4 characters. */
const NATION_SLOT_WIDTH = 4;

export const EMPTY_ID_DETAIL: IdCardDetail = {
  name: "",
  sex: "",
  nation: "",
  birthday: "",
  idn: "",
  addr: "",
  org: "",
  validperiod: "",
};

type BackKey = "name" | "sex" | "nation" | "birth" | "addr" | "idn";
type FrontKey = "org" | "validperiod";

// Labels as printed; at the start of a row one misread character is tolerated ("总名杨敏"),
// since nothing else on the card's back starts a row that way. Addresses run to four lines.
const BACK_LABELS: LabelSpec<BackKey>[] = [
  { key: "name", label: /^姓名|^姓|^[\u4e00-\u9fff]名(?=[\u4e00-\u9fff])/, inline: true },
  { key: "sex", label: /性别|^性|^[\u4e00-\u9fff]别(?=[男女])/, inline: true },
  { key: "nation", label: /民族|^民|(?<=[男女])[\u4e00-\u9fff]族/, inline: true },
  { key: "birth", label: /出生|^出|^[\u4e00-\u9fff]生(?=\d)/, inline: true },
  { key: "addr", label: /^住址|^住|^[\u4e00-\u9fff]址/, maxWrapRows: 3, inline: true },
  { key: "idn", label: /公民身份号码|身份号码|^公民身份|号码/, inline: true },
];
const FRONT_LABELS: LabelSpec<FrontKey>[] = [
  { key: "org", label: /签发机关|签发机|发机关/, maxWrapRows: 1 },
  { key: "validperiod", label: /有效期限|有效期|效期限/ },
];

const BACK_HINTS = /姓名|性别|民族|出生|住址|公民身份|身份号码/;
const FRONT_HINTS = /签发机关|有效期限|居民身份证|中华人民共和国/;
// Forms and signs share some of those words or a date range; a card shows its number
// (back) or its issuing labels (front).
const BACK_PROOF = /公民身份|身份号码/;
const FRONT_PROOF = /签发机关|有效期限|居民身份证/;
/** Mean recognition score under which the answer is flagged as unreliable. */
const LOW_CONFIDENCE = 0.8;

export function extractIdCard(lines: TextLine[]): IdCardExtraction {
  const angle = dominantAngle(lines);
  const tokens = toTokens(lines, angle);
  const hasNumber = tokens.some((t) => idCandidate(t.text) !== null);
  const backHits = tokens.filter((t) => BACK_HINTS.test(t.text)).length + (findIdNumber(tokens) ? 2 : 0);
  const frontHits = tokens.filter((t) => FRONT_HINTS.test(t.text)).length + (findValidPeriod(tokens) ? 2 : 0);
  const isBack = backHits >= 2 && (hasNumber || tokens.some((t) => BACK_PROOF.test(t.text)));
  const isFront = frontHits >= 2 && tokens.some((t) => FRONT_PROOF.test(t.text));
  if (!isBack && !isFront) return { side: "", detail: { ...EMPTY_ID_DETAIL }, warnings: ["card_not_found"] };
  const extraction = isBack && (!isFront || backHits >= frontHits) ? readBack(tokens, angle) : readFront(tokens);
  // Both sides in one picture: the note names the side with more evidence (the portrait side
  // when even), and the other side's fields are filled too.
  if (isBack && isFront) {
    const other = extraction.side === "back" ? readFront(tokens) : readBack(tokens, angle);
    for (const key of Object.keys(extraction.detail) as (keyof IdCardDetail)[]) extraction.detail[key] ||= other.detail[key];
    if (extraction.side === "front") extraction.warnings.push(...other.warnings);
  }
  const mean = tokens.reduce((s, t) => s + t.score, 0) / tokens.length;
  if (mean < LOW_CONFIDENCE) extraction.warnings.push("low_confidence");
  return extraction;
}

function readFront(tokens: Token[]): IdCardExtraction {
  const fields = readLabelledFields(groupRows(tokens), FRONT_LABELS);
  // The label's last character often bleeds into the value's box ("关北京市公安局…").
  const org = (fields.org?.text ?? "").replace(/^[关:：]+/, "");
  const validperiod = parseValidPeriod(fields.validperiod?.text ?? "") ?? findValidPeriod(tokens) ?? "";
  return { side: "front", detail: { ...EMPTY_ID_DETAIL, org, validperiod }, warnings: [] };
}

function readBack(tokens: Token[], angle: number): IdCardExtraction {
  const rows = groupRows(tokens);
  const fields = readLabelledFields(rows, BACK_LABELS);
  const warnings: IdCardWarning[] = [];

  const idnRaw = fields.idn ? idCandidate(fields.idn.text) : null;
  const found = findIdNumber(tokens);
  let idn = "";
  if (found) {
    idn = found.idn;
    if (found.repaired) warnings.push("idn_repaired");
  } else if (idnRaw) {
    // Printed but failing GB 11643's check, with no unique repair: returned as read, flagged.
    warnings.push("idn_check_digit_failed");
  }
  const idnAsRead = !found && idnRaw ? idNumberAsRead(idnRaw.length > 18 ? idnRaw.slice(0, 18) : idnRaw) : "";

  let sex = /男|女/.exec(fields.sex?.text ?? "")?.[0] ?? "";
  let birthday = parseBirthday(fields.birth?.text ?? "") ?? "";
  if (idn) {
    // A number that passed its check digit is the better witness of what the card says.
    if (birthday && birthday !== birthdayFromId(idn)) warnings.push("birthday_mismatch");
    if (sex && sex !== sexFromId(idn)) warnings.push("sex_mismatch");
    birthday = birthdayFromId(idn);
    sex = sexFromId(idn);
  }

  const nation = matchNation(fields.nation?.text ?? "") ?? "";
  const detail: IdCardDetail = {
    ...EMPTY_ID_DETAIL,
    name: cleanName(withoutLabelStroke(fields.name, [fields.sex, fields.birth, fields.addr])),
    sex,
    nation,
    birthday,
    idn: idn || idnAsRead,
    addr: fields.addr?.text.replace(/^[:：]/, "") ?? "",
  };
  const nationRead = !nation && fields.nation ? nationReread(fields.nation, angle) : undefined;
  return { side: "back", detail, warnings, layout: { angle, numberBox: found?.token }, nationRead };
}

// The value may be misread (a rare character such as 畲) or not detected at all (a short
// word beside the label): the caller re-reads it against the list of groups.
function nationReread(field: FieldValue, angle: number): { quad: Quad; prefix: string } {
  const token = field.tokens[0];
  if (token && field.text) return { quad: token.source.box, prefix: [...token.text].slice(0, field.startIndex).join("") };
  const h = field.y1 - field.y0;
  const slot: Quad = [
    [field.x0 - h, field.y0],
    [field.x0 + NATION_SLOT_WIDTH * h, field.y0],
    [field.x0 + NATION_SLOT_WIDTH * h, field.y1],
    [field.x0 - h, field.y1],
  ];
  return { quad: slot.map((p) => rotatePoint(p, angle)) as Quad, prefix: "" };
}

/** 名 sits about two line heights left of the values' column; a box's padding is well under one. */
const LABEL_STROKE_OFFSET = 1;

/**
 * The name's value minus a first character that lies left of the column the other values
 * start in: the label's 名, misread (各) and read into the name's line, when only 姓 was
 * recognised as the label.
 */
function withoutLabelStroke(name: FieldValue | undefined, others: (FieldValue | undefined)[]): FieldValue | undefined {
  // Only values that start a line of their own say exactly where the column is.
  const starts = others.filter((f): f is FieldValue => !!f && f.text.length > 0 && f.startIndex === 0).map((f) => f.x0);
  if (name?.startIndex !== 0 || starts.length === 0 || [...name.text].length < 3) return name;
  const column = starts.sort((a, b) => a - b)[Math.floor(starts.length / 2)]!;
  const height = name.y1 - name.y0;
  return name.x0 < column - LABEL_STROKE_OFFSET * height ? { ...name, text: [...name.text].slice(1).join("") } : name;
}

function cleanName(field: FieldValue | undefined): string {
  return (field?.text ?? "").replace(/^[:：]/, "").replace(/[^\u4e00-\u9fff·]/g, "");
}

/** The longest run that could be an ID number (digits, X and look-alikes). */
function idCandidate(text: string): string | null {
  const runs = text.match(/[0-9XxOoDQIl|iBSsZzGbTgq×]{15,}/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0] ?? null;
}

function findIdNumber(tokens: Token[]): { idn: string; repaired: boolean; token: Token } | null {
  for (const token of tokens) {
    const run = idCandidate(token.text);
    if (!run) continue;
    for (let i = 0; i + 18 <= run.length; i++) {
      const piece = run.slice(i, i + 18);
      const idn = repairIdNumber(piece);
      if (idn) return { idn, repaired: idn !== piece, token };
    }
  }
  return null;
}

function parseBirthday(text: string): string | null {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日?/.exec(text.replace(/[Oo]/g, "0"));
  if (!m) return null;
  const date = `${m[1]}${m[2]!.padStart(2, "0")}${m[3]!.padStart(2, "0")}`;
  return isValidDate(date) ? date : null;
}

const DATE = String.raw`(\d{4})[.\-·,，。](\d{2})[.\-·,，。](\d{2})`;

/** "YYYY.MM.DD-YYYY.MM.DD" or "YYYY.MM.DD-长期", tolerating misread separators. */
export function parseValidPeriod(text: string): string | null {
  const t = text.replace(/[Oo]/g, "0").replace(/[—–~至_]/g, "-");
  const m = new RegExp(`${DATE}-?(?:${DATE}|(长期))`).exec(t);
  if (!m) return null;
  const from = `${m[1]}.${m[2]}.${m[3]}`;
  if (!isValidDate(from.replaceAll(".", ""))) return null;
  if (m[7]) return `${from}-长期`;
  const to = `${m[4]}.${m[5]}.${m[6]}`;
  return isValidDate(to.replaceAll(".", "")) ? `${from}-${to}` : null;
}

function findValidPeriod(tokens: Token[]): string | null {
  for (const t of tokens) {
    const v = parseValidPeriod(t.text);
    if (v) return v;
  }
  return null;
}
