import { REC_CONFIG } from "../config";
import type { RecResult, RgbImage, TensorRunner } from "../types";
import { ctcGreedyDecode } from "./ctc-decode";
import { linesToTensor, orderByAspect, recBatchWidth } from "./line-tensor";

export type RecOptions = Pick<typeof REC_CONFIG, "height" | "minWidth" | "batchSize"> & { withProbs?: boolean };

/** CTC recogniser stage: upright line crops → text, in the order given. */
export class TextRecognizer {
  constructor(
    private readonly model: TensorRunner,
    private readonly dictionary: readonly string[],
  ) {}

  async run(crops: readonly RgbImage[], options: RecOptions = REC_CONFIG): Promise<RecResult[]> {
    const results: RecResult[] = new Array(crops.length);
    const order = orderByAspect(crops);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const indices = order.slice(start, start + options.batchSize);
      const batch = indices.map((i) => crops[i]!);
      const width = recBatchWidth(batch, options.height, options.minWidth);
      const tensor = linesToTensor(batch, options.height, width);
      const out = await this.model.run(tensor, [batch.length, 3, options.height, width]);
      const steps = out.dims[1]!;
      const classes = out.dims[2]!;
      if (classes !== this.dictionary.length) {
        throw new Error(`Recogniser has ${classes} classes but the dictionary has ${this.dictionary.length}`);
      }
      indices.forEach((cropIndex, i) => {
        const offset = i * steps * classes;
        const decoded = ctcGreedyDecode(out.data, steps, classes, this.dictionary, offset);
        results[cropIndex] = options.withProbs
          ? { ...decoded, probs: { data: out.data.slice(offset, offset + steps * classes), steps, classes } }
          : decoded;
      });
    }
    return results;
  }
}
