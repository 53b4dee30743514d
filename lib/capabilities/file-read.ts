import type { FileRead } from "@/lib/ocr/types";

/** Shapes a worker's reading into the capability's answer; a refused file stays refused. */
export async function mapRead<A, B>(read: Promise<FileRead<A>>, shape: (value: A) => B | Promise<B>): Promise<FileRead<B>> {
  const result = await read;
  return result.ok ? { ok: true, value: await shape(result.value) } : result;
}
