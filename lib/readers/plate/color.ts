// Plate background colours in HSV. Blue plates are saturated blue, yellow ones saturated
// yellow; new-energy plates fade from white to green, so green pixels need less saturation.
import type { RgbImage } from "@/lib/ocr/types";

import type { PlateColor } from "./grammar";

export function pixelColor(r: number, g: number, b: number): PlateColor | null {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const delta = max - min;
  if (max < 60 || delta < 35) return null;
  const s = delta / max;
  let h: number;
  if (max === r) h = ((g - b) / delta + 6) % 6;
  else if (max === g) h = (b - r) / delta + 2;
  else h = (r - g) / delta + 4;
  h *= 60;
  if (h >= 195 && h <= 250 && s > 0.4) return "blue";
  if (h >= 35 && h <= 62 && s > 0.4 && max > 90) return "yellow";
  if (h >= 75 && h <= 165 && s > 0.25 && max > 80) return "green";
  return null;
}

/** Dominant plate colour of a rectified plate crop, or null when none dominates. */
export function plateColor(crop: RgbImage): PlateColor | null {
  const counts: Record<PlateColor, number> = { blue: 0, yellow: 0, green: 0 };
  const { data } = crop;
  for (let i = 0; i < data.length; i += 3) {
    const c = pixelColor(data[i]!, data[i + 1]!, data[i + 2]!);
    if (c) counts[c]++;
  }
  const pixels = data.length / 3;
  const [color, count] = (Object.entries(counts) as [PlateColor, number][]).sort((a, b) => b[1] - a[1])[0]!;
  // New-energy plates are half white, so a lower share suffices for green.
  const share = color === "green" ? 0.12 : 0.2;
  return count >= share * pixels ? color : null;
}
