import { expect, test } from "vitest";

import { cropPortrait, portraitQuad } from "./portrait";

// A card 700 px wide: the number spans 60% of it and ends at the portrait's right edge.
const NUMBER = { x0: 300, y0: 420, x1: 720, y1: 450 };
const CARD_HEIGHT = 700 / (85.6 / 54);

test("the portrait sits above the number's right end", () => {
  const [tl, tr, br, bl] = portraitQuad(NUMBER, 0);
  expect(tr[0]).toBeCloseTo(720);
  expect(tl[0]).toBeCloseTo(720 - 0.3 * 700);
  expect(tl[1]).toBeCloseTo(420 - 0.7 * CARD_HEIGHT);
  expect(bl[1]).toBeCloseTo(420 - 0.1 * CARD_HEIGHT);
  expect(br).toEqual([tr[0], bl[1]]);
});

test("follows the page rotation", () => {
  const upright = portraitQuad(NUMBER, 0);
  const rotated = portraitQuad(NUMBER, Math.PI / 12);
  const c = Math.cos(Math.PI / 12);
  const s = Math.sin(Math.PI / 12);
  expect(rotated[0][0]).toBeCloseTo(upright[0][0] * c - upright[0][1] * s);
  expect(rotated[0][1]).toBeCloseTo(upright[0][0] * s + upright[0][1] * c);
});

test("no crop when the portrait would lie outside the picture", () => {
  const image = { width: 800, height: 500, data: new Uint8Array(800 * 500 * 3) };
  expect(cropPortrait(image, NUMBER, 0)).not.toBeNull();
  expect(cropPortrait(image, { x0: 300, y0: 60, x1: 720, y1: 90 }, 0)).toBeNull();
});
