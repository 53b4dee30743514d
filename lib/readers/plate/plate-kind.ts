// What kind of plate a reading is (GA 36-2018): its background colour and its characters.
// The seed's contract knows 蓝牌, 黄牌 and 绿牌 on single-row plates; `all_types` adds the rest.
import type { RgbImage } from "@/lib/ocr/types";

import { plateColor } from "./color";
import type { PlateColor } from "./grammar";

export const SEED_PLATE_TYPES = ["蓝牌", "黄牌", "绿牌"] as const;
/** Every kind `all_types` answers: large new-energy plates are yellow-green; police, armed police white; HK/Macao, embassy, consulate black. */
export const PLATE_TYPES = [...SEED_PLATE_TYPES, "黄绿牌", "白牌", "黑牌"] as const;
export type PlateType = (typeof PLATE_TYPES)[number];

export type PlateBackground = PlateColor | "white" | "black";

export const KIND_CONFIG = {
  /** A pixel this bright (max channel) with little saturation is white paint. */
  whiteValue: 150,
  /** A pixel this dark (max channel) is black paint. */
  blackValue: 70,
  /** Largest (max − min) / max of a white or black pixel. */
  greySaturation: 0.25,
  /** Share of the plate's pixels a white or black background covers (the glyphs take the rest). */
  minShare: 0.4,
} as const;

/** The background of a rectified plate: a plate colour, else white or black paint, else unknown. */
export function plateBackground(plate: RgbImage): PlateBackground | null {
  const colour = plateColor(plate);
  if (colour) return colour;
  const { whiteValue, blackValue, greySaturation, minShare } = KIND_CONFIG;
  let white = 0;
  let black = 0;
  const { data } = plate;
  for (let i = 0; i < data.length; i += 3) {
    const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
    const min = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
    if (max <= blackValue) black++;
    else if (max >= whiteValue && (max - min) / max <= greySaturation) white++;
  }
  const pixels = data.length / 3;
  if (white >= minShare * pixels && white >= black) return "white";
  return black >= minShare * pixels ? "black" : null;
}

const BACKGROUND_TYPES: Record<PlateBackground, PlateType> = {
  blue: "蓝牌",
  yellow: "黄牌",
  green: "绿牌",
  white: "白牌",
  black: "黑牌",
};

/** Positions of the characters only a police, armed-police, HK/Macao, embassy or consulate plate carries. */
export function kindMarkPositions(text: string): number[] {
  const chars = [...text];
  const marks = chars.flatMap((c, i) => (/[港澳领使警]/.test(c) ? [i] : []));
  return text.startsWith("WJ") ? [0, 1, ...marks] : marks;
}

/** The kind, from the characters where they decide it and from the background otherwise. */
export function plateType(text: string, background: PlateBackground | null): PlateType {
  if (text.endsWith("警") || text.startsWith("WJ")) return "白牌";
  if (/[港澳领使]/.test(text)) return "黑牌";
  // 8 characters only exist on new-energy plates; the large-vehicle kind is yellow-green.
  if ([...text].length === 8) return background === "yellow" ? "黄绿牌" : "绿牌";
  if (/[学挂]$/.test(text)) return "黄牌";
  return background ? BACKGROUND_TYPES[background] : "蓝牌";
}

/** The type a default (seed-contract) answer gives, or null when the seed has no such plate. */
export function seedPlateType(type: PlateType, rows: 1 | 2): (typeof SEED_PLATE_TYPES)[number] | null {
  if (rows !== 1) return null;
  if (type === "黄绿牌") return "绿牌";
  return (SEED_PLATE_TYPES as readonly string[]).includes(type) ? (type as (typeof SEED_PLATE_TYPES)[number]) : null;
}
