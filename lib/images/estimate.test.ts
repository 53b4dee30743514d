import sharp from "sharp";
import { expect, test } from "vitest";

import { estimateImageBytes, WORKING_BYTES_PER_PIXEL } from "./estimate";

const b64 = (buf: Buffer) => buf.toString("base64");
const blank = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? "#0000" : "#fff" } });

test("PNG and JPEG: file bytes plus the header's pixels × the working bytes per pixel", async () => {
  const png = b64(await blank(4000, 3000, 4).png().toBuffer());
  expect(estimateImageBytes(png)).toBe(Math.floor((png.length * 3) / 4) + 4000 * 3000 * WORKING_BYTES_PER_PIXEL);
  const exif = "x".repeat(40_000); // a large APP1 block before the size marker
  const jpeg = b64(
    await blank(640, 480)
      .jpeg()
      .withExif({ IFD0: { ImageDescription: exif } })
      .toBuffer(),
  );
  expect(estimateImageBytes(jpeg)).toBe(Math.floor((jpeg.length * 3) / 4) + 640 * 480 * WORKING_BYTES_PER_PIXEL);
});

test("URL-safe and unpadded payloads read the same header", async () => {
  const png = b64(await blank(300, 200).png().toBuffer());
  const urlSafe = png.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  expect(estimateImageBytes(urlSafe) - Math.floor((urlSafe.length * 3) / 4)).toBe(300 * 200 * WORKING_BYTES_PER_PIXEL);
});

test("BMP header, including a top-down (negative height) one", () => {
  const header = Buffer.alloc(54);
  header.write("BM", 0);
  header.writeInt32LE(1000, 18);
  header.writeInt32LE(-500, 22);
  const payload = b64(header);
  expect(estimateImageBytes(payload)).toBe(Math.floor((payload.length * 3) / 4) + 1000 * 500 * WORKING_BYTES_PER_PIXEL);
});

test("sizes above the accepted side are capped; an unreadable JPEG header counts as the largest image", () => {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(100_000, 16);
  header.writeUInt32BE(10, 20);
  const png = b64(header);
  expect(estimateImageBytes(png) - Math.floor((png.length * 3) / 4)).toBe(5000 * 10 * WORKING_BYTES_PER_PIXEL);
  const jpeg = b64(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]));
  expect(estimateImageBytes(jpeg) - Math.floor((jpeg.length * 3) / 4)).toBe(5000 * 5000 * WORKING_BYTES_PER_PIXEL);
});

test("not an image: only its file bytes; not a string: nothing", () => {
  const text = b64(Buffer.from("hello world"));
  expect(estimateImageBytes(text)).toBe(Math.floor((text.length * 3) / 4));
  expect(estimateImageBytes(42)).toBe(0);
});
