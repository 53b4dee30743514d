// 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-symbol alphabet (no I O Z S V);
// positions 3–8 are the administrative-division digits; the last is a MOD 31 check character.
import { asReadLookalikes, repairLookalikes } from "@/lib/readers/layout/lookalike";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const DIGITS = "0123456789";

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? "");
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) && creditCodeCheckChar(code) === code[17];
}

const allowedAt = (pos: number) => (pos >= 2 && pos <= 7 ? DIGITS : ALPHABET);

/** The valid code `raw` reads as (look-alikes repaired when unambiguous), or null. */
export function repairCreditCode(raw: string): string | null {
  if (raw.length !== 18) return null;
  return repairLookalikes(raw, allowedAt, isValidCreditCode);
}

/** A code that fails its check, as printed: letters the code never uses read as their look-alikes. */
export function creditCodeAsRead(raw: string): string {
  return asReadLookalikes(raw, allowedAt);
}
