// What every export is built from: pictures or PDF pages with their lines (boxes in the picture's
// pixels), and, when the API returned them (general OCR's `?return_paragraphs` / `?return_tables`
// opt-ins), paragraphs in reading order and tables. Pure data, client- and server-safe.

export interface ExportLine {
  text: string;
  /** [x1,y1,…,x4,y4] clockwise from top-left, in picture pixels. */
  box: number[];
}

export interface ExportParagraph {
  /** Indexes into `lines`, in reading order. */
  lines: number[];
  box?: number[];
}

export interface ExportCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  box?: number[];
}

export interface ExportTable {
  box?: number[];
  rows: number;
  cols: number;
  cells: ExportCell[];
}

export interface ExportPage {
  /** File name of the picture, or 「第 N 页」 of a PDF. */
  name: string;
  width: number;
  height: number;
  /** Pixels per inch of the picture (a rendered PDF page's DPI); 96 for photos and scans. */
  dpi?: number;
  lines: ExportLine[];
  paragraphs?: ExportParagraph[];
  tables?: ExportTable[];
  /** Structured results (cards, licences, plates): one record per document found. */
  records?: Record<string, string>[];
  /** Why this picture has no result (failed call, page without text). */
  error?: string;
}

export interface ExportDocument {
  title: string;
  pages: ExportPage[];
}

export const DEFAULT_DPI = 96;
