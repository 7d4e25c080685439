import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentedFormData } from './form-fixtures.js';
import { type FormNumber, renderForm } from './index.js';

/** Word on Windows finds its fonts by the names Windows installs them under (issue: 様式 a 課長 signs). */

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
}

/** The XML as a tree of elements with their attributes (strict parser: malformed XML throws). */
function tree(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#root', attributes: {}, children: [] };
  const stack = [root];
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root;
}

function all(element: Element, name: string): Element[] {
  return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

const windowsNames = ['BIZ UD明朝 Medium', 'BIZ UDゴシック'];
const parts = new Map<FormNumber, { fontTable: Element; styles: Element }>();

beforeAll(async () => {
  for (const form of [1, 2, 3, 4, 5] as const) {
    const zip = await JSZip.loadAsync((await renderForm(form, consentedFormData())).bytes);
    const read = async (path: string) => tree((await zip.file(path)?.async('string')) ?? '');
    parts.set(form, { fontTable: await read('word/fontTable.xml'), styles: await read('word/styles.xml') });
  }
});

describe.each([1, 2, 3, 4, 5] as const)('重層会議様式%i のフォント', (form) => {
  const get = () => {
    const p = parts.get(form);
    if (!p) throw new Error('not rendered');
    return p;
  };

  it('fontTable.xml は Windows が入れる名前（BIZ UD明朝 Medium・BIZ UDゴシック）で書体を載せる', () => {
    const fonts = all(get().fontTable, 'w:font').map((f) => f.attributes['w:name']);
    expect(fonts).toEqual(windowsNames);
  });

  it('各 w:font の altName は1つだけで31文字以内、panose・charset・family・pitch・sig がある', () => {
    for (const font of all(get().fontTable, 'w:font')) {
      const alt = font.children.filter((c) => c.name === 'w:altName');
      expect(alt, font.attributes['w:name']).toHaveLength(1);
      const name = alt[0]?.attributes['w:val'] ?? '';
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toContain(',');
      const child = (n: string) => font.children.find((c) => c.name === n)?.attributes ?? {};
      expect(child('w:panose1')['w:val']).toMatch(/^[0-9A-F]{20}$/);
      expect(child('w:charset')['w:val']).toBe('80');
      expect(['roman', 'modern']).toContain(child('w:family')['w:val']);
      expect(child('w:pitch')['w:val']).toBe('fixed');
      expect(Object.keys(child('w:sig'))).toEqual(
        expect.arrayContaining(['w:usb0', 'w:usb1', 'w:usb2', 'w:usb3', 'w:csb0', 'w:csb1']),
      );
    }
  });

  it('styles.xml のどのスタイルも Windows の書体名を東アジア・欧文とも指定し、欧文 en-US・東アジア ja-JP', () => {
    const { styles } = get();
    const runProps = [...all(styles, 'w:rPrDefault'), ...all(styles, 'w:style')]
      .map((s) => all(s, 'w:rPr')[0])
      .filter((r): r is Element => r !== undefined);
    expect(runProps.length).toBeGreaterThan(10);
    for (const rPr of runProps) {
      const fonts = all(rPr, 'w:rFonts')[0]?.attributes ?? {};
      if (Object.keys(fonts).length === 0) continue; // a character style that only sets colour or size
      for (const script of ['w:ascii', 'w:hAnsi', 'w:eastAsia'])
        expect(windowsNames).toContain(fonts[script]);
      const lang = all(rPr, 'w:lang')[0]?.attributes ?? {};
      expect(lang['w:val']).toBe('en-US');
      expect(lang['w:eastAsia']).toBe('ja-JP');
    }
    // The defaults and every Kasane paragraph style name them.
    const kasane = all(styles, 'w:style').filter((s) => s.attributes['w:styleId']?.startsWith('Kasane'));
    expect(kasane.length).toBe(7);
    for (const style of kasane) expect(all(style, 'w:rFonts')).toHaveLength(1);
  });
});
