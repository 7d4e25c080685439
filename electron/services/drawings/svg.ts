/**
 * A few helpers for writing SVG as text. The drawings are built as strings so that the same data
 * always gives the same bytes: numbers are rounded to 0.1 px and attributes keep the order given.
 */

/** Fonts named in the drawings: BIZ UD as Windows and Debian name it, then Noto CJK, then any sans. */
export const drawingFontFamily =
  "'BIZ UDGothic', 'BIZ UDゴシック', 'Noto Sans CJK JP', 'Yu Gothic', 'Meiryo', sans-serif";

/** 0.1 px is finer than any printer; `-0` prints as `0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

function isPrintable(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint < 0x7f) ||
    (codePoint >= 0xa0 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    codePoint >= 0x10000
  );
}

/** One line of text as XML can carry it: controls, lone surrogates and line breaks dropped. */
export function oneLine(text: string): string {
  return Array.from(text.replace(/\s+/g, ' '))
    .filter((c) => isPrintable(c.codePointAt(0) ?? 0))
    .join('')
    .trim();
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type AttributeValue = string | number | null | undefined | false;

function attributes(attrs: Record<string, AttributeValue>): string {
  let out = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v === null || v === undefined || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(String(v))}"`;
  }
  return out;
}

/** `<name …/>` or `<name …>children</name>`; children are already-escaped SVG text. */
export function el(
  name: string,
  attrs: Record<string, AttributeValue>,
  children?: string | string[],
): string {
  const inner = Array.isArray(children) ? children.join('') : children;
  return inner === undefined || inner === ''
    ? `<${name}${attributes(attrs)}/>`
    : `<${name}${attributes(attrs)}>${inner}</${name}>`;
}

/** A `<text>` element with its content escaped. */
export function text(content: string, attrs: Record<string, AttributeValue>): string {
  return el('text', attrs, escapeXml(oneLine(content)));
}

/**
 * Width of a line in em, as the drawings lay it out: CJK and full-width characters are 1 em,
 * others about 0.6 em. Good enough to keep captions apart; the fonts are monospaced for CJK.
 */
export function textWidthEm(content: string): number {
  let width = 0;
  for (const c of content) {
    const cp = c.codePointAt(0) ?? 0;
    width += cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x11ff) ? 1 : 0.6;
  }
  return width;
}

/** The line cut to `maxEm`, ending in 「…」 when cut. */
export function fitText(content: string, maxEm: number): string {
  const line = oneLine(content);
  if (textWidthEm(line) <= maxEm) return line;
  let out = '';
  for (const c of line) {
    if (textWidthEm(`${out}${c}…`) > maxEm) break;
    out += c;
  }
  return `${out}…`;
}

export interface Point {
  x: number;
  y: number;
}

export function pathData(points: readonly Point[], close = false): string {
  return (
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join(' ') + (close ? ' Z' : '')
  );
}

/** The root element: pixel size, viewBox, the accessible title (never a name) and the font. */
export function svgDocument(
  size: { width: number; height: number },
  title: string,
  kind: 'genogram' | 'ecoMap',
  body: string[],
): string {
  return `${el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: Math.ceil(size.width),
      height: Math.ceil(size.height),
      viewBox: `0 0 ${Math.ceil(size.width)} ${Math.ceil(size.height)}`,
      role: 'img',
      'aria-label': oneLine(title),
      'data-drawing': kind,
      'font-family': drawingFontFamily,
    },
    [
      el('title', {}, escapeXml(oneLine(title))),
      el('rect', {
        x: 0,
        y: 0,
        width: Math.ceil(size.width),
        height: Math.ceil(size.height),
        fill: '#ffffff',
      }),
      ...body,
    ],
  )}\n`;
}
