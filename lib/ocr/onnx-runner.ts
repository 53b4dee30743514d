import { InferenceSession, Tensor } from "onnxruntime-node";

import type { TensorOutput, TensorRunner } from "./types";

/** Loads one ONNX model as a TensorRunner with a fixed intra-op thread count. */
export async function createOnnxRunner(modelPath: string, intraOpThreads: number): Promise<TensorRunner> {
  const session = await InferenceSession.create(modelPath, {
    intraOpNumThreads: intraOpThreads,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  const inputName = session.inputNames[0]!;
  const outputName = session.outputNames[0]!;
  return {
    async run(data: Float32Array, dims: readonly number[]): Promise<TensorOutput> {
      const input = new Tensor("float32", data, dims);
      const results = await session.run({ [inputName]: input });
      const output = results[outputName]!;
      input.dispose();
      return { data: output.data as Float32Array, dims: output.dims };
    },
  };
}
