// Headers scripts/server.mjs (the production entry point) sets for the app. It deletes any
// client-sent copy first, so the app can believe them; without that entry point (next dev) they
// are whatever the client sent, which only changes that client's own answer.

/** Present when the client's request path was not the one Next routed (`//`, `\`, trailing `/`, dot segments). */
export const PATH_VARIANT_HEADER = "x-ocr-path-variant";
