// A picture's quarter turns: turning it upright for reading, and mapping what was read on the
// upright copy back to the picture as sent (answers keep the caller's coordinates).
import { rotate180, rotate90Ccw, rotate90Cw } from "../geometry/rotate-rgb";
import type { Point, Quad, RgbImage } from "../types";

/** Degrees the picture is turned clockwise to stand upright. */
export type Turn = 0 | 90 | 180 | 270;

export function turnImage(image: RgbImage, turn: Turn): RgbImage {
  switch (turn) {
    case 0:
      return image;
    case 90:
      return rotate90Cw(image);
    case 180:
      return rotate180(image);
    case 270:
      return rotate90Ccw(image);
  }
}

/**
 * A point of the turned copy in the original picture (`width` × `height`, as sent). Pixel
 * edges, not centres: the copy's corner (0, 0) is a corner of the original.
 */
export function pointBeforeTurn([x, y]: Point, turn: Turn, width: number, height: number): Point {
  switch (turn) {
    case 0:
      return [x, y];
    case 90:
      return [y, height - x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [width - y, x];
  }
}

/** A quad of the turned copy in the original picture; its first corner stays the text's top-left. */
export function quadBeforeTurn(quad: Quad, turn: Turn, width: number, height: number): Quad {
  return quad.map((p) => pointBeforeTurn(p, turn, width, height)) as Quad;
}
