import variants from '../../../resources/search/kanji-variants.json' with { type: 'json' };

const fold: Readonly<Record<string, string>> = variants.fold;

/** Each character and the 異体字 that search treats as the same (𠮷 with 吉, 髙 with 高). */
const sameAs = new Map<string, Set<string>>();
for (const [variant, base] of Object.entries(fold)) {
  const group = sameAs.get(base) ?? new Set([base]);
  group.add(variant);
  sameAs.set(base, group);
  sameAs.set(variant, group);
}

const escapeRegExp = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a pattern: its 異体字 either way, full or half width spaces (or none) between its parts. */
function namePattern(name: string): string {
  return Array.from(name.normalize('NFC').replace(/\s+/g, ''))
    .map((ch) => {
      const group = sameAs.get(ch);
      return group ? `(?:${[...group].map(escapeRegExp).join('|')})` : escapeRegExp(ch);
    })
    .join('[\\s\\u3000]*');
}

export interface NamedMember {
  label: string;
  name: string;
  kana: string;
}

/**
 * Free text (a 支援経過) with the members' names replaced by their 記号, for a 支援会議 household
 * printed by label (rule 4): full names and readings first, then given names as 「B氏」, and family
 * names as 「A氏」 when one member has it, 「〇〇」 when several share it. Returns how many were replaced.
 */
export function maskNames(
  text: string,
  members: readonly NamedMember[],
  extra: readonly { text: string; replacement: string }[] = [],
): { text: string; replaced: number } {
  const rules: { pattern: string; replacement: string; length: number }[] = [];
  const add = (raw: string, replacement: string) => {
    const compact = raw.replace(/\s+/g, '');
    if (Array.from(compact).length >= 2)
      rules.push({ pattern: namePattern(raw), replacement, length: compact.length });
  };
  const familyNames = new Map<string, string[]>();
  for (const m of members) {
    const label = `${m.label}氏`;
    add(m.name, label);
    add(m.kana, label);
    for (const full of [m.name, m.kana]) {
      const parts = full.trim().split(/[\s\u3000]+/);
      if (parts.length < 2) continue;
      const [family = '', ...given] = parts;
      add(given.join(''), label);
      familyNames.set(family, [...(familyNames.get(family) ?? []), label]);
    }
  }
  for (const [family, labels] of familyNames)
    add(family, new Set(labels).size === 1 ? (labels[0] ?? '〇〇') : '〇〇');
  for (const e of extra) add(e.text, e.replacement);
  // Longest first, so a full name is replaced before its parts.
  rules.sort((a, b) => b.length - a.length);
  let replaced = 0;
  let out = text;
  for (const rule of rules) {
    // 「𠮷田 花子さん」 becomes 「A氏」, not 「A氏さん」: the label already carries the honorific.
    const honorific = rule.replacement.endsWith('氏') ? '(?:さん|様|氏|君|くん|ちゃん)?' : '';
    out = out.replace(new RegExp(rule.pattern + honorific, 'gu'), () => {
      replaced++;
      return rule.replacement;
    });
  }
  return { text: out, replaced };
}
