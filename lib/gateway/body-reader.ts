import { GatewayError } from "@/lib/gateway/errors";

// Request bodies are read as a stream with a byte counter, so an oversized upload is refused
// (HTTP 413, EOP 40013) as soon as it crosses the limit instead of being buffered whole.

/** Refuses up front when the client declares a body above the limit. */
export function assertDeclaredLengthWithin(headers: Headers, maxBytes: number): void {
  const declared = Number(headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw new GatewayError(40013);
}

export async function readBodyWithLimit(req: Request, maxBytes: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new GatewayError(40013);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
