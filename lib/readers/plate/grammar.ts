// Mainland plate grammar (GA 36-2018): province character, issuing-authority letter, then
// letters/digits without I and O. Blue and single-row yellow plates have 7 characters (a
// yellow one may end in 学/挂), new-energy green plates 8 with D/F marking the energy type.

export const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
export const LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
export const DIGITS = "0123456789";
const ALNUM = LETTERS + DIGITS;
const ENERGY = "DF";
const SUFFIXES = "学挂警港澳领使";

export type PlateColor = "blue" | "yellow" | "green";

/** Allowed characters per position. */
export type PlateTemplate = readonly string[];

export const SEVEN_CHAR: PlateTemplate = [PROVINCES, LETTERS, ALNUM, ALNUM, ALNUM, ALNUM, ALNUM + SUFFIXES];
/** Small new-energy car: 沪A D 1 2345. */
export const GREEN_SMALL: PlateTemplate = [PROVINCES, LETTERS, ENERGY, ALNUM, DIGITS, DIGITS, DIGITS, DIGITS];
/** Large new-energy vehicle: 沪A 12345 D. */
export const GREEN_LARGE: PlateTemplate = [PROVINCES, LETTERS, DIGITS, DIGITS, DIGITS, DIGITS, DIGITS, ENERGY];

export const PLATE_TEMPLATES: readonly PlateTemplate[] = [SEVEN_CHAR, GREEN_SMALL, GREEN_LARGE];
/** Armed police (2012 layout): WJ, two digits of the unit, five characters — WJ16·93015. */
export const ARMED_POLICE: PlateTemplate = ["W", "J", DIGITS, DIGITS, ALNUM, ALNUM, ALNUM, ALNUM, ALNUM];
/** Embassy: 使, the mission's three digits, three digits — 使014·578. */
export const EMBASSY: PlateTemplate = ["使", DIGITS, DIGITS, DIGITS, DIGITS, DIGITS, DIGITS];
/** The templates `all_types` reads under: the seed's plus the kinds only it answers. */
export const ALL_TYPE_TEMPLATES: readonly PlateTemplate[] = [...PLATE_TEMPLATES, ARMED_POLICE, EMBASSY];

function matchesTemplate(text: string, template: PlateTemplate): boolean {
  const chars = [...text];
  return chars.length === template.length && chars.every((c, i) => template[i]!.includes(c));
}

export function isValidPlate(text: string): boolean {
  return PLATE_TEMPLATES.some((t) => matchesTemplate(text, t));
}
