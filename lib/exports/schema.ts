import { z } from "zod";

import type { ExportDocument } from "./document";

// The export document as the browser sends it to the server-side builders (DOCX, XLSX, PDF).

const box = z.array(z.number()).max(8);
const text = z.string().max(10_000);

export const exportDocumentSchema: z.ZodType<ExportDocument> = z.object({
  title: z.string().trim().min(1).max(200),
  pages: z
    .array(
      z.object({
        name: z.string().max(300),
        width: z.number().int().min(1).max(100_000),
        height: z.number().int().min(1).max(100_000),
        dpi: z.number().min(10).max(1200).optional(),
        lines: z.array(z.object({ text, box })).max(5000),
        paragraphs: z
          .array(z.object({ lines: z.array(z.number().int().min(0)).max(5000), box: box.optional() }))
          .max(5000)
          .optional(),
        tables: z
          .array(
            z.object({
              box: box.optional(),
              rows: z.number().int().min(1).max(500),
              cols: z.number().int().min(1).max(100),
              cells: z
                .array(
                  z.object({
                    row: z.number().int().min(0),
                    col: z.number().int().min(0),
                    rowspan: z.number().int().min(1),
                    colspan: z.number().int().min(1),
                    text,
                    box: box.optional(),
                  }),
                )
                .max(50_000),
            }),
          )
          .max(50)
          .optional(),
        records: z
          .array(z.record(z.string().max(100), z.string().max(10_000)))
          .max(100)
          .optional(),
        error: z.string().max(500).optional(),
      }),
    )
    .min(1)
    .max(50),
});

export const EXPORT_FORMATS = ["docx", "xlsx", "pdf"] as const;
export type ServerExportFormat = (typeof EXPORT_FORMATS)[number];
