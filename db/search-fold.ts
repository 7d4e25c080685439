import variants from '../resources/search/kanji-variants.json' with { type: 'json' };

const kanjiFold: Readonly<Record<string, string>> = variants.fold;

/**
 * The one folding every search goes through, for the query and for the indexed names alike (rule 16):
 * NFKC (width), lower case, katakana as hiragana, no spaces, and 異体字 through the table in
 * resources/search/ (髙→高, 﨑→崎, 𠮷→吉, 齋→斉…). Only for comparing: what is shown never changes.
 */
export function foldForSearch(text: string): string {
  const width = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, '');
  let folded = '';
  for (const ch of width) folded += kanjiFold[ch] ?? ch;
  return folded;
}

/** Joins what one household is found by (受付番号, 表示名, 氏名, ふりがな); U+0001 never occurs in a query. */
export const searchTextSeparator = '\u0001';

/** The one row of search text a household is indexed by: each text folded, empties and repeats dropped. */
export function householdSearchText(texts: readonly string[]): string {
  const folded = texts.map((t) => foldForSearch(t).replaceAll(searchTextSeparator, '')).filter(Boolean);
  return [...new Set(folded)].join(searchTextSeparator);
}

/** The one row of search text a 支援経過 entry is found by: its content and its 次の予定, folded. */
export function noteSearchText(content: string, nextPlan: string): string {
  return householdSearchText([content, nextPlan]);
}
