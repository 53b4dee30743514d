import { DET_CONFIG } from "../config";
import type { RgbImage, TensorRunner } from "../types";
import { type DbPostprocessOptions, type DetectedBox, dbPostprocess } from "./db-postprocess";
import { type DetResizeOptions, preprocessDet } from "./preprocess";

export type DetOptions = DetResizeOptions & DbPostprocessOptions;

/** DB text detector stage: image → text-line quads in image pixels (unsorted). */
export class TextDetector {
  constructor(private readonly model: TensorRunner) {}

  async run(image: RgbImage, options: DetOptions = DET_CONFIG): Promise<DetectedBox[]> {
    const input = preprocessDet(image, options);
    const output = await this.model.run(input.tensor, [1, 3, input.height, input.width]);
    const map = { data: output.data, width: input.width, height: input.height };
    return dbPostprocess(map, input.ops, image.width, image.height, options);
  }
}
