/** Raw RGB pixels, 3 bytes per pixel, row-major: what decoding yields and the engine reads. */
export interface RgbImage {
  width: number;
  height: number;
  data: Uint8Array;
}
