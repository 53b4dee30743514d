// Opt-in per-character probabilities (query `?return_char_confidence=true`, signed like any
// query): each plate gains `char_confidence`, one probability per character of platelicense.
export const CHAR_CONFIDENCE_QUERY = "return_char_confidence";

export const wantsCharConfidence = (query: URLSearchParams) => query.get(CHAR_CONFIDENCE_QUERY) === "true";
