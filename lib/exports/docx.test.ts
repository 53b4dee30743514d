import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { buildDocx } from "./docx";
import { BATCH, WITH_TABLE } from "./fixtures.test-data";

async function documentXml(bytes: Uint8Array): Promise<{ body: string; core: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    body: (await zip.file("word/document.xml")?.async("string")) ?? "",
    core: (await zip.file("docProps/core.xml")?.async("string")) ?? "",
  };
}

const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

describe("DOCX", () => {
  it("reads back with the paragraphs in reading order and a Chinese title", async () => {
    const { body, core } = await documentXml(await buildDocx(BATCH));
    const t = texts(body);
    expect(t.indexOf("左栏第一行左栏第二行")).toBeGreaterThan(0);
    expect(t.indexOf("右栏第一行右栏第二行")).toBeGreaterThan(t.indexOf("左栏第一行左栏第二行"));
    expect(core).toContain("识别结果·批量");
  });

  it("writes a table as a Word table with its spans", async () => {
    const { body } = await documentXml(await buildDocx({ title: "课表", pages: [WITH_TABLE] }));
    expect(body.match(/<w:tbl>/g)).toHaveLength(1);
    expect(body.match(/<w:tr[ >]/g)).toHaveLength(3);
    expect(body).toContain('<w:gridSpan w:val="2"/>');
    expect(body).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(texts(body)).toEqual(expect.arrayContaining(["时间", "备注", "周一", "语文", "全天", "周二", "数学", "课程表", "备注：无"]));
    // The text inside the table is not repeated as paragraphs.
    expect(texts(body).filter((x) => x === "语文")).toHaveLength(1);
  });
});
