// 公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence (odd = male),
// check character over ISO 7064 MOD 11-2.
import { asReadLookalikes, repairLookalikes } from "@/lib/readers/layout/lookalike";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";
const DIGITS = "0123456789";

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isValidDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidIdNumber(idn: string): boolean {
  return /^\d{17}[\dX]$/.test(idn) && isValidDate(idn.slice(6, 14)) && idCheckChar(idn) === idn[17];
}

const allowedAt = (pos: number) => (pos === 17 ? DIGITS + "X" : DIGITS);

/** The valid number `raw` reads as (look-alikes repaired when unambiguous), or null. */
export function repairIdNumber(raw: string): string | null {
  if (raw.length !== 18) return null;
  return repairLookalikes(raw, allowedAt, isValidIdNumber);
}

/** A number that fails its check, as printed: look-alike letters read as the digits they stand for. */
export function idNumberAsRead(raw: string): string {
  return asReadLookalikes(raw, allowedAt);
}

export function birthdayFromId(idn: string): string {
  return idn.slice(6, 14);
}

export function sexFromId(idn: string): "男" | "女" {
  return Number(idn[16]) % 2 === 1 ? "男" : "女";
}
