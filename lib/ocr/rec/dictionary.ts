/**
 * CTC dictionary for the PP-OCR recogniser: index 0 is the blank, then the key file's lines,
 * then a space (the model's `use_space_char` class).
 */
export function buildDictionary(keysFileText: string): string[] {
  const keys = keysFileText.replace(/\r/g, "").split("\n");
  if (keys[keys.length - 1] === "") keys.pop();
  return ["", ...keys, " "];
}
