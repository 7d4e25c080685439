import type { IXmlableObject } from 'docx';

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
// What docx's writer escapes: the five markup characters; C0 controls that XML 1.0 forbids are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it drops
const special = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const specials = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

function escaped(text: string): string {
  return special.test(text) ? text.replace(specials, (c) => escapes[c] ?? '') : text;
}

/** A value as docx writes it: strings escaped, anything else as String() gives it. */
function value(v: unknown): string {
  return typeof v === 'string' ? escaped(v) : String(v);
}

function firstKey(object: object): string | undefined {
  for (const key in object) return key;
  return undefined;
}

function attributes(attr: object): string {
  let out = '';
  for (const [key, v] of Object.entries(attr)) out += ` ${key}="${value(v)}"`;
  return out;
}

/**
 * One element of docx's formatted tree, `{ name: children }`, written as docx 9.15's own writer (the
 * `xml` package's rules, quirks included) writes it without indentation:
 * - `{ _attr }` children are the element's attributes, wherever they stand among the children;
 * - a text child replaces the child before it;
 * - an element whose children are an array is never self-closing, one whose children are an object is.
 */
function element(data: IXmlableObject): string {
  const name = firstKey(data);
  if (name === undefined) return '';
  const children: unknown = (data as Record<string, unknown>)[name];
  let attrs = '';
  let content: string | null = null;
  if (typeof children === 'object') {
    if (children !== null) {
      if (Array.isArray(children)) {
        const parts = [''];
        for (const child of children) {
          if (typeof child === 'object') {
            if (firstKey(child) === '_attr') attrs += attributes(child._attr);
            else parts.push(element(child));
          } else {
            parts.pop();
            parts.push(child === undefined ? '' : value(child));
          }
        }
        content = parts.join('');
      } else {
        const { _attr: attr, _cdata: cdata } = children as { _attr?: object; _cdata?: string };
        if (attr) attrs = attributes(attr);
        if (cdata) content = `<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
      }
    }
  } else content = children === undefined ? '' : value(children);
  return content === null ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

const declarations = {
  standalone: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  plain: '<?xml version="1.0" encoding="UTF-8"?>',
} as const;

/**
 * The XML of a part from docx's formatted tree, byte for byte what docx's compiler writes for it
 * (xml-writer.test.ts and document-parts.test.ts compare the two), in a fraction of the time: no
 * intermediate objects per element, no `Object.keys` per child.
 */
export function partXml(tree: IXmlableObject, declaration: keyof typeof declarations): string {
  return declarations[declaration] + element(tree);
}
