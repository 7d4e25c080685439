/**
 * Builds resources/search/kanji-variants.json, the one 異体字 table search folds through (rule 16).
 * The inputs are read from a folder given on the command line and are not part of the repository;
 * resources/search/README.md says where each comes from and under which terms.
 *
 *   node --import tsx scripts/variants/build-kanji-variants.ts <input folder>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const input = process.argv[2];
if (!input) {
  console.error('使い方: build-kanji-variants.ts <入力フォルダ>');
  process.exit(2);
}

type Edge = { a: string; b: string; source: string };
const edges: Edge[] = [];
const nfkc = (s: string) => s.normalize('NFKC');
const fromCodePoint = (u: string) => String.fromCodePoint(Number.parseInt(u.replace('U+', ''), 16));

/** A character Japanese text can hold in EUC-JP: JIS X 0208, JIS X 0212 and the NEC/IBM extensions. */
function inJapaneseCharset(ch: string): boolean {
  return iconv.decode(iconv.encode(ch, 'euc-jp'), 'euc-jp') === ch;
}

/** JIS X 0208 proper (rows 1–84): the form an IME types, preferred as the folded form. */
function inJisX0208(ch: string): boolean {
  const bytes = iconv.encode(ch, 'euc-jp');
  const [b0 = 0, b1 = 0] = bytes;
  return bytes.length === 2 && b0 >= 0xa1 && b0 <= 0xf4 && b1 >= 0xa1 && b1 <= 0xfe && inJapaneseCharset(ch);
}

// 常用漢字表 and 人名用漢字 別表第二(二): lines "正字,kind,異体字".
function readGovernmentList(file: string, kind: string, source: string): Set<string> {
  const proper = new Set<string>();
  for (const line of readFileSync(join(input as string, file), 'utf8').split('\n')) {
    const [a, k, b] = line.split(',');
    if (k !== kind || !a || !b) continue;
    proper.add(nfkc(a));
    edges.push({ a: nfkc(a), b: nfkc(b), source });
  }
  return proper;
}
const joyo = readGovernmentList('joyo-variants.txt', 'joyo/variant', '常用漢字表');
const jinmei = readGovernmentList('jinmei-variants.txt', 'jinmei2/variant', '人名用漢字');

// Unihan, after the lists: a pair joins only when one side is a rare form (outside JIS X 0208) — the
// case an IME cannot type — and never bridges two groups that each hold an everyday character, so
// 予/余, 鉗/鑽 or 徠/勅 stay apart. 大漢和辞典's z-variants (kMorohashi:Z, e.g. 嵜 for 崎) join as they
// are. Semantic variants need both sides in a Japanese character set; glyph-level variants
// (kZVariant, kSpoofingVariant) need one, which brings in 𠮷 beside 吉.
const unihanFields = [
  { field: 'kSemanticVariant', bothJapanese: true },
  { field: 'kZVariant', bothJapanese: false },
  { field: 'kSpoofingVariant', bothJapanese: false },
] as const;
type UnihanPair = { a: string; b: string; source: string; morohashiZ: boolean };
const unihanPairs: UnihanPair[] = [];
for (const { field, bothJapanese } of unihanFields) {
  for (const line of readFileSync(join(input, `${field}.txt`), 'utf8').split('\n')) {
    if (!line.startsWith('U+')) continue;
    const [from = '', , values = ''] = line.split('\t');
    const a = nfkc(fromCodePoint(from.split(' ')[0] ?? ''));
    for (const value of values.split(' ')) {
      const [target = '', tags = ''] = value.split('<');
      const b = nfkc(fromCodePoint(target));
      const japanese = bothJapanese
        ? inJapaneseCharset(a) && inJapaneseCharset(b)
        : inJapaneseCharset(a) || inJapaneseCharset(b);
      if (japanese)
        unihanPairs.push({ a, b, source: `Unihan ${field}`, morohashiZ: /kMorohashi:T?Z/.test(tags) });
    }
  }
}

// 戸籍統一文字 (法務省) relates these two name forms to their 正字; Unihan and the lists above do not.
edges.push({ a: '邊', b: '邉', source: '戸籍統一文字' }, { a: '橋', b: '槗', source: '戸籍統一文字' });
// Unihan kSpecializedSemanticVariant: 齊 and 齋 share a sense, so 斎藤 and 斉藤 find each other.
edges.push({ a: '齊', b: '齋', source: 'Unihan kSpecializedSemanticVariant' });

// Union–find over every edge; each group folds to one representative.
const parent = new Map<string, string>();
const find = (x: string): string => {
  if (!parent.has(x)) return x;
  let root = x;
  while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
  parent.set(x, root);
  return root;
};
const everyday = new Map<string, boolean>();
const holdsEveryday = (ch: string) => everyday.get(find(ch)) ?? inJisX0208(ch);
const join2 = (a: string, b: string) => {
  if (!parent.has(a)) parent.set(a, a);
  if (!parent.has(b)) parent.set(b, b);
  const both = holdsEveryday(a) || holdsEveryday(b);
  parent.set(find(a), find(b));
  everyday.set(find(b), both);
};
for (const { a, b } of edges) if (a !== b) join2(a, b);
for (const { a, b, source } of unihanPairs.filter((p) => p.morohashiZ)) {
  if (a === b) continue;
  join2(a, b);
  edges.push({ a, b, source });
}
for (const { a, b, source } of unihanPairs.filter((p) => !p.morohashiZ)) {
  if (a === b || find(a) === find(b) || (inJisX0208(a) && inJisX0208(b))) continue;
  if (holdsEveryday(a) && holdsEveryday(b)) continue;
  join2(a, b);
  edges.push({ a, b, source });
}
const groups = new Map<string, string[]>();
for (const ch of parent.keys()) {
  const root = find(ch);
  groups.set(root, [...(groups.get(root) ?? []), ch]);
}

const rank = (ch: string) =>
  joyo.has(ch) ? 0 : jinmei.has(ch) ? 1 : inJisX0208(ch) ? 2 : inJapaneseCharset(ch) ? 3 : 4;
const fold: Record<string, string> = {};
const largest: string[][] = [];
for (const members of groups.values()) {
  members.sort((x, y) => rank(x) - rank(y) || (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0));
  const [representative, ...others] = members as [string, ...string[]];
  for (const other of others) fold[other] = representative;
  largest.push(members);
}
largest.sort((x, y) => y.length - x.length);

const sorted = Object.fromEntries(
  Object.entries(fold).sort(([x], [y]) => (x.codePointAt(0) ?? 0) - (y.codePointAt(0) ?? 0)),
);
const table = {
  description:
    '検索用の異体字対応表。キーの字を値の字に読み替えて比較する（表示は変えない）。scripts/variants/build-kanji-variants.ts が生成する。',
  sources: [
    '常用漢字表（平成22年内閣告示第2号）の括弧内に示された康熙字典体',
    '人名用漢字（戸籍法施行規則 別表第二 二）の異体字と対応する常用漢字',
    'Unicode Unihan Database（kSemanticVariant, kZVariant, kSpoofingVariant）unicode-org/unihan-database 0f09313 — Unicode License V3（resources/search/UNICODE-LICENSE.txt）',
    '法務省 戸籍統一文字の関連字（邉→邊、槗→橋）',
    'Unihan kSpecializedSemanticVariant（齊⇄齋：斎藤と斉藤を互いに探すため）',
  ],
  groups: groups.size,
  fold: sorted,
};
writeFileSync('resources/search/kanji-variants.json', `${JSON.stringify(table, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} 字を ${groups.size} 組に畳みました。`);
console.log(
  '大きい組:',
  largest
    .slice(0, 12)
    .map((g) => g.join(''))
    .join(' / '),
);
console.log(
  'JIS X 0208 の字を2字以上含む組:',
  largest
    .filter((g) => g.filter(inJisX0208).length > 1)
    .map((g) => g.join(''))
    .join(' '),
);
