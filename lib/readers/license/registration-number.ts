// Legacy 15-digit 注册号 (工商注册号, GS15-2006): 6-digit authority code, 8-digit sequence and an
// ISO 7064 MOD 11,10 check digit.
import { repairLookalikes } from "@/lib/readers/layout/lookalike";

export function isValidRegistrationNumber(no: string): boolean {
  if (!/^\d{15}$/.test(no)) return false;
  let p = 10;
  for (let i = 0; i < 14; i++) p = (((p + Number(no[i])) % 10 || 10) * 2) % 11;
  return (p + Number(no[14])) % 10 === 1;
}

export function repairRegistrationNumber(raw: string): string | null {
  if (raw.length !== 15) return null;
  return repairLookalikes(raw, () => "0123456789", isValidRegistrationNumber);
}
