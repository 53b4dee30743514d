// One face of a TrueType/OpenType collection (.ttc) as a standalone font file: pdf-lib embeds only
// single fonts, and Debian ships Noto CJK as collections whose first face is the Japanese one.

export function extractTtcFace(src: Uint8Array, faceIndex: number): Uint8Array {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  if (String.fromCharCode(...src.subarray(0, 4)) !== "ttcf") throw new Error("not a font collection");
  const faces = view.getUint32(8);
  if (faceIndex < 0 || faceIndex >= faces) throw new Error(`no face ${faceIndex} in a collection of ${faces}`);
  const faceOffset = view.getUint32(12 + 4 * faceIndex);
  const numTables = view.getUint16(faceOffset + 4);
  const records = Array.from({ length: numTables }, (_, i) => {
    const at = faceOffset + 12 + 16 * i;
    return { at, offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
  });
  const headerSize = 12 + 16 * numTables;
  const align = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(records.reduce((n, r) => n + align(r.length), headerSize));
  const outView = new DataView(out.buffer);
  out.set(src.subarray(faceOffset, faceOffset + 12), 0);
  let cursor = headerSize;
  records.forEach((r, i) => {
    const at = 12 + 16 * i;
    out.set(src.subarray(r.at, r.at + 8), at);
    outView.setUint32(at + 8, cursor);
    outView.setUint32(at + 12, r.length);
    out.set(src.subarray(r.offset, r.offset + r.length), cursor);
    cursor += align(r.length);
  });
  return out;
}

/** The index of the collection's face whose PostScript name matches (e.g. /CJKsc-Regular/), read from each face's `name` table. */
export function findTtcFace(src: Uint8Array, postscriptName: RegExp): number {
  const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const faces = view.getUint32(8);
  for (let f = 0; f < faces; f++) {
    const faceOffset = view.getUint32(12 + 4 * f);
    const numTables = view.getUint16(faceOffset + 4);
    for (let i = 0; i < numTables; i++) {
      const at = faceOffset + 12 + 16 * i;
      if (String.fromCharCode(...src.subarray(at, at + 4)) !== "name") continue;
      const table = view.getUint32(at + 8);
      const count = view.getUint16(table + 2);
      const strings = table + view.getUint16(table + 4);
      for (let n = 0; n < count; n++) {
        const rec = table + 6 + 12 * n;
        if (view.getUint16(rec + 6) !== 6) continue; // nameID 6: PostScript name
        const len = view.getUint16(rec + 8);
        const off = strings + view.getUint16(rec + 10);
        const platform = view.getUint16(rec);
        const bytes = src.subarray(off, off + len);
        const name =
          platform === 3
            ? String.fromCharCode(...Array.from({ length: len / 2 }, (_, k) => (bytes[2 * k]! << 8) | bytes[2 * k + 1]!))
            : String.fromCharCode(...bytes);
        if (postscriptName.test(name)) return f;
      }
    }
  }
  return -1;
}
