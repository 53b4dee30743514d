import { describe, expect, test } from "vitest";

import { decodeWithTemplate, type CtcPosterior } from "@/lib/ocr/rec/constrained-decode";

import { decodePlate, PLATE_TWINS, plateConfidence } from "./ctc-grammar";
import { GREEN_LARGE, GREEN_SMALL, PLATE_TEMPLATES, SEVEN_CHAR, isValidPlate } from "./grammar";

const DICT = ["<blank>", ..."浙沪京0123456789ABDFGHJKLMNOPQRSTUVWXYZ·I学"];

/** One frame per entry: [char, p] puts p on char and the rest on blank; "-" is a blank frame. */
type Frame = [string, number] | [string, number, string, number] | "-";

function posterior(frames: Frame[]): CtcPosterior {
  const classes = DICT.length;
  const data = new Float32Array(frames.length * classes);
  frames.forEach((f, t) => {
    const row = t * classes;
    if (f === "-") {
      data[row] = 1;
      return;
    }
    const [c1, p1, c2, p2] = f;
    data[row + DICT.indexOf(c1)] = p1;
    let rest = 1 - p1;
    if (c2 !== undefined && p2 !== undefined) {
      data[row + DICT.indexOf(c2)] = p2;
      rest -= p2;
    }
    data[row] = rest;
  });
  return { data, steps: frames.length, classes };
}

const spell = (text: string, p = 0.95): Frame[] => [...text].flatMap((c): Frame[] => [[c, p], "-"]);

describe("plate grammar", () => {
  test.each([
    ["浙B2V9L7", true],
    ["沪AF71017", true], // new energy, small car
    ["沪A12345D", true], // new energy, large vehicle
    ["琼A6716学", true],
    ["浙BO2345", false], // no O on plates
    ["浙B2V9L", false],
    ["0B2V9L7", false],
  ])("%s valid: %s", (text, valid) => {
    expect(isValidPlate(text)).toBe(valid);
  });
});

describe("constrained CTC decoding", () => {
  test("reads a clean plate and reports the product of character posteriors", () => {
    const d = decodePlate(posterior(spell("浙B2V9L7")), DICT, PLATE_TEMPLATES)!;
    expect(d.text).toBe("浙B2V9L7");
    expect(plateConfidence(d)).toBeCloseTo(0.95 ** 7, 5);
  });

  test("an O among the digits becomes the model's best allowed character", () => {
    const frames = spell("浙B2V9L7");
    frames[4] = ["O", 0.6, "0", 0.3]; // third character: O (not allowed) over 0
    const d = decodeWithTemplate(posterior(frames), DICT, SEVEN_CHAR, PLATE_TWINS)!;
    expect(d.text).toBe("浙B0V9L7");
  });

  test("each character's frame is where its posterior peaks", () => {
    const frames: Frame[] = [["浙", 0.8], ["浙", 0.9], "-", ...spell("B2V9L7")];
    expect(decodeWithTemplate(posterior(frames), DICT, SEVEN_CHAR, PLATE_TWINS)?.frames).toEqual([1, 3, 5, 7, 9, 11, 13]);
  });

  test("the separator dot and repeated frames collapse", () => {
    const frames: Frame[] = [
      ["浙", 0.9],
      ["浙", 0.8],
      "-",
      ["B", 0.9],
      ["·", 0.9],
      ["6", 0.9],
      "-",
      ["6", 0.9],
      "-",
      ["6", 0.9],
      "-",
      ["6", 0.9],
      "-",
      ["6", 0.9],
    ];
    expect(decodeWithTemplate(posterior(frames), DICT, SEVEN_CHAR, PLATE_TWINS)?.text).toBe("浙B66666");
  });

  test("an 8-character reading wins only with 8 characters of evidence", () => {
    expect(decodePlate(posterior(spell("沪AF71017")), DICT, PLATE_TEMPLATES)?.text).toBe("沪AF71017");
    expect(decodePlate(posterior(spell("沪A12345D")), DICT, [GREEN_SMALL, GREEN_LARGE])?.text).toBe("沪A12345D");
    const seven = decodePlate(posterior(spell("浙B2V9L7")), DICT, PLATE_TEMPLATES)!;
    expect([...seven.text]).toHaveLength(7);
  });

  test("too few frames for a plate: no reading", () => {
    expect(decodePlate(posterior(spell("浙B2")), DICT, PLATE_TEMPLATES)).toBeNull();
  });
});

test("a letter O read on a plate counts for the digit 0 it stands for", () => {
  const frames = spell("浙B2V9L7");
  frames[4] = ["O", 0.9, "0", 0.05];
  const d = decodeWithTemplate(posterior(frames), DICT, SEVEN_CHAR, PLATE_TWINS)!;
  expect(d.text).toBe("浙B0V9L7");
  expect(d.charProbs[2]).toBeCloseTo(0.95);
});
