// The 56 ethnic groups as printed in the 民族 field (without the 族 suffix), plus the
// registered forms for people of other origin.
export const NATIONS = [
  "汉",
  "蒙古",
  "回",
  "藏",
  "维吾尔",
  "苗",
  "彝",
  "壮",
  "布依",
  "朝鲜",
  "满",
  "侗",
  "瑶",
  "白",
  "土家",
  "哈尼",
  "哈萨克",
  "傣",
  "黎",
  "傈僳",
  "佤",
  "畲",
  "高山",
  "拉祜",
  "水",
  "东乡",
  "纳西",
  "景颇",
  "柯尔克孜",
  "土",
  "达斡尔",
  "仫佬",
  "羌",
  "布朗",
  "撒拉",
  "毛南",
  "仡佬",
  "锡伯",
  "阿昌",
  "普米",
  "塔吉克",
  "怒",
  "乌孜别克",
  "俄罗斯",
  "鄂温克",
  "德昂",
  "保安",
  "裕固",
  "京",
  "塔塔尔",
  "独龙",
  "鄂伦春",
  "赫哲",
  "门巴",
  "珞巴",
  "基诺",
  "穿青人",
  "其他",
  "外国血统",
] as const;

/** The group `raw` names, tolerating one misread character in names of 3+ characters. */
export function matchNation(raw: string): string | null {
  const text = raw.replace(/族$/, "");
  if ((NATIONS as readonly string[]).includes(text)) return text;
  // Longest exact containment first (e.g. "汉族" read with a stray mark).
  const contained = [...NATIONS].filter((n) => text.includes(n)).sort((a, b) => b.length - a.length);
  if (contained[0] && contained[0].length >= text.length - 1) return contained[0];
  const near = NATIONS.filter((n) => n.length >= 3 && n.length === text.length && [...n].filter((c, i) => c !== text[i]).length === 1);
  return near.length === 1 ? near[0]! : null;
}
