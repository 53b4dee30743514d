import "server-only";

// A session's browser and system in words, from its User-Agent, for the session list. Only the
// common families are named; anything else is "未知浏览器" / "未知系统" (a label, not a security fact).

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/HeadlessChrome\//, "Chrome（无头）"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

const first = (table: [RegExp, string][], ua: string) => table.find(([pattern]) => pattern.test(ua))?.[1];

export function describeUserAgent(userAgent: string): string {
  if (userAgent.trim() === "") return "未知设备";
  return `${first(BROWSERS, userAgent) ?? "未知浏览器"} · ${first(SYSTEMS, userAgent) ?? "未知系统"}`;
}
