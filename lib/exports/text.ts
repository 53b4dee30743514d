import type { ExportDocument, ExportPage } from "./document";
import { joinLines, pageBlocks, tableGrid } from "./reading-order";

// TXT and Markdown in reading order. TXT keeps the lines as read (a paragraph's lines one per
// line, a blank line between paragraphs, table rows tab-separated); Markdown joins a paragraph's
// lines into running text and writes tables as pipe tables.

/** A batch or a PDF names each picture or page; a single picture needs no heading. */
const heading = (doc: ExportDocument) => doc.pages.length > 1;

function recordLines(page: ExportPage): string[] {
  return (page.records ?? []).map((r) =>
    Object.entries(r)
      .map(([k, v]) => `${k}：${v}`)
      .join("\n"),
  );
}

export function buildTxt(doc: ExportDocument): string {
  return doc.pages
    .map((page) => {
      const body = page.error
        ? [`（${page.error}）`]
        : page.records
          ? recordLines(page)
          : pageBlocks(page).map((b) =>
              b.kind === "paragraph"
                ? b.lines.join("\n")
                : tableGrid(b.table)
                    .map((r) => r.join("\t"))
                    .join("\n"),
            );
      return [...(heading(doc) ? [`===== ${page.name} =====`] : []), ...body].join("\n\n");
    })
    .join("\n\n")
    .concat("\n");
}

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
/** Markdown specials at a line start would turn OCR text into headings or lists. */
const mdText = (s: string) => s.replace(/^([#>*+-]|\d+\.)(\s)/, "\\$1$2");

function mdTable(grid: string[][]): string {
  const [head = [], ...rest] = grid;
  const row = (cells: string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [row(head), `| ${head.map(() => "---").join(" | ")} |`, ...rest.map(row)].join("\n");
}

export function buildMarkdown(doc: ExportDocument): string {
  const parts = [`# ${doc.title}`];
  for (const page of doc.pages) {
    if (heading(doc)) parts.push(`## ${page.name}`);
    if (page.error) parts.push(`> ${page.error}`);
    else if (page.records) parts.push(...page.records.map((r) => mdTable([["字段", "内容"], ...Object.entries(r)])));
    else for (const b of pageBlocks(page)) parts.push(b.kind === "paragraph" ? mdText(joinLines(b.lines)) : mdTable(tableGrid(b.table)));
  }
  return `${parts.join("\n\n")}\n`;
}

/** JSON of the whole batch: one entry per picture with its lines, paragraphs, tables or records. */
export function buildJson(doc: ExportDocument, raw: unknown[]): string {
  return JSON.stringify(
    {
      title: doc.title,
      results: doc.pages.map((p, i) => ({ name: p.name, ...(p.error ? { error: p.error } : {}), response: raw[i] ?? null })),
    },
    null,
    2,
  );
}

/** CSV of the records (one row per card, licence or plate), with a BOM so Excel reads UTF-8. */
export function buildCsv(doc: ExportDocument): string {
  const columns = ["文件", ...new Set(doc.pages.flatMap((p) => (p.records ?? []).flatMap((r) => Object.keys(r))))];
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = doc.pages.flatMap((p) =>
    p.records?.length
      ? p.records.map((r) => columns.map((c, i) => (i === 0 ? p.name : (r[c] ?? ""))))
      : [[p.name, ...columns.slice(1).map(() => "")]],
  );
  return `\uFEFF${[columns, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}
