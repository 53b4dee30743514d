// Opt-in document structure (and the page's detected turn) for general OCR, asked for in the query (signed like any query), so
// the seed's body and answer stay exactly as they were unless a client asks.

export const PARAGRAPHS_QUERY = "return_paragraphs";
export const TABLES_QUERY = "return_tables";
export const DIRECTION_QUERY = "return_direction";

export interface DocumentOptions {
  paragraphs: boolean;
  tables: boolean;
  direction: boolean;
}

export function documentOptions(query: URLSearchParams): DocumentOptions {
  return {
    paragraphs: query.get(PARAGRAPHS_QUERY) === "true",
    tables: query.get(TABLES_QUERY) === "true",
    direction: query.get(DIRECTION_QUERY) === "true",
  };
}

export const wantsDocument = (options: DocumentOptions) => options.paragraphs || options.tables || options.direction;
