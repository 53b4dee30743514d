"use client";

import { useState } from "react";

import { Tabs } from "@/components/ui/tabs";
import { CodeBlock } from "@/components/ui/code-block";

export interface CodeSampleView {
  language: string;
  label: string;
  file: string;
  run: string;
  code: string;
}

/** One tab per language; the file name and run command sit above the code. */
export function CodeSampleTabs({ samples }: { samples: CodeSampleView[] }) {
  const [language, setLanguage] = useState(samples[0]?.language ?? "");
  const sample = samples.find((s) => s.language === language) ?? samples[0];
  if (!sample) return null;
  return (
    <div className="space-y-2">
      <Tabs label="示例语言" value={language} onChange={setLanguage} items={samples.map((s) => ({ value: s.language, label: s.label }))} />
      <p className="text-xs text-muted">
        保存为 <code className="font-mono">{sample.file}</code>，运行：<code className="font-mono break-all">{sample.run}</code>
      </p>
      <CodeBlock label={sample.file} testId={`code-sample-${sample.language}`}>
        {sample.code}
      </CodeBlock>
    </div>
  );
}
