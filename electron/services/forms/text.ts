import { type IRunOptions, Tab, TextRun } from 'docx';

/**
 * What XML 1.0 can carry and a page can show: tab, newline and printable characters. Control characters,
 * U+FFFE/U+FFFF and lone surrogates are not; iterating by code point keeps surrogate pairs (𠮷) whole.
 */
function isPrintable(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint < 0x7f) ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** Text as the user meant it, safe for XML: line ends unified to \n, controls other than \n and \t dropped. */
export function cleanText(text: string): string {
  return Array.from(text.replace(/\r\n?|[\u2028\u2029]/g, '\n'))
    .filter((c) => isPrintable(c.codePointAt(0) ?? 0))
    .join('');
}

export function textLines(text: string): string[] {
  return cleanText(text).split('\n');
}

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

function lineChildren(line: string): (string | Tab)[] {
  return line.split('\t').flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
}

/**
 * One run per line, each after the first starting with a line break: Word shows a `\n` inside a run
 * as a space, so a line break has to be a `w:br`.
 */
export function textRuns(text: string, style: RunStyle = {}): TextRun[] {
  return textLines(text).map(
    (line, i) => new TextRun({ ...style, children: lineChildren(line), ...(i > 0 ? { break: 1 } : {}) }),
  );
}
