import { CLS_CONFIG } from "../config";
import { linesToTensor } from "../rec/line-tensor";
import type { RgbImage, TensorRunner } from "../types";

export type ClsOptions = typeof CLS_CONFIG;

/**
 * 0°/180° text direction stage: per crop, the probability (0–1) that it is upside down. The
 * caller sets the bar (a line is flipped at `flipThreshold`; a page's orientation weighs votes).
 */
export class DirectionClassifier {
  constructor(private readonly model: TensorRunner) {}

  async run(crops: readonly RgbImage[], options: ClsOptions = CLS_CONFIG): Promise<number[]> {
    const upsideDown: number[] = [];
    for (let start = 0; start < crops.length; start += options.batchSize) {
      const batch = crops.slice(start, start + options.batchSize);
      const tensor = linesToTensor(batch, options.height, options.width);
      const out = await this.model.run(tensor, [batch.length, 3, options.height, options.width]);
      const classes = out.dims[1] ?? 2;
      // Label 1 is "180"; the output is already softmaxed.
      batch.forEach((_, i) => upsideDown.push(out.data[i * classes + 1]!));
    }
    return upsideDown;
  }
}
