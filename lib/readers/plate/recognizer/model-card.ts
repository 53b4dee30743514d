import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

/** The part of models/plates/plate-rec.json the runtime needs; training writes the whole card. */
const modelCardSchema = z.object({
  model: z.string().min(1),
  input: z.object({ height: z.number().int().positive(), width: z.number().int().positive(), channels: z.literal("RGB") }),
  output: z.object({ softmax: z.literal(true), blank: z.literal(0) }),
  charset: z.string().min(1),
  confidence: z.object({ a: z.number(), b: z.number() }),
});

export type PlateModelCard = z.infer<typeof modelCardSchema>;

export const PLATE_MODEL_CARD = "plate-rec.json";

/** The committed recogniser's folder, found from the working directory like the OCR models. */
export function defaultPlateModelDir(): string {
  return path.join(process.cwd(), "models", "plates");
}

/** The card in `dir`, or null when it is absent; throws naming the file when it is malformed. */
export function readPlateModelCard(dir: string): PlateModelCard | null {
  const file = path.join(dir, PLATE_MODEL_CARD);
  if (!fs.existsSync(file)) return null;
  const parsed = modelCardSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}
