import type { IRunStylePropertiesOptions } from 'docx';

/**
 * The fonts as Windows 10/11 installs them, which is how Word looks them up: the Mincho comes only in
 * Medium. Debian's fonts-morisawa-bizud-* know them as 「BIZ UD明朝」 / 「BIZ UDMincho」; the test
 * pipeline's fontconfig alias (electron/services/testing/fonts.conf) maps the names across.
 */
export const fontNames = { mincho: 'BIZ UD明朝 Medium', gothic: 'BIZ UDゴシック' } as const;

export type Face = keyof typeof fontNames;

/**
 * What Word needs to substitute when the first name is missing: one alternative name (Word reads
 * `w:altName` as a single name of at most 31 characters), and the font's PANOSE, charset, family,
 * pitch and Unicode/code-page coverage, as in the OS/2 table of Morisawa's files.
 */
export const fontDescriptions: Record<
  Face,
  { altName: string; panose: string; family: 'roman' | 'modern'; usb: string[]; csb: string[] }
> = {
  mincho: {
    altName: 'BIZ UDMincho Medium',
    panose: '02020500000000000000',
    family: 'roman',
    usb: ['E00002F7', '2AC7EDF8', '00000012', '00000000'],
    csb: ['20020009', '00000000'],
  },
  gothic: {
    altName: 'BIZ UDGothic',
    panose: '020B0400000000000000',
    family: 'modern',
    usb: ['E00002F7', '2AC7EDF8', '00000012', '00000000'],
    csb: ['20020009', '00000000'],
  },
};

/**
 * Every run style names the font for all four scripts and the language, so Word never falls back to a
 * theme font. Latin text is en-US: with ja-JP, Word and LibreOffice break 「100万円」 inside the number.
 */
export function runFont(face: Face): IRunStylePropertiesOptions {
  const name = fontNames[face];
  return {
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    language: { value: 'en-US', eastAsia: 'ja-JP' },
  };
}

function fontEntry(face: Face): string {
  const d = fontDescriptions[face];
  const [usb0, usb1, usb2, usb3] = d.usb;
  const [csb0, csb1] = d.csb;
  return [
    `<w:font w:name="${fontNames[face]}">`,
    `<w:altName w:val="${d.altName}"/>`,
    `<w:panose1 w:val="${d.panose}"/>`,
    '<w:charset w:val="80"/>',
    `<w:family w:val="${d.family}"/>`,
    '<w:pitch w:val="fixed"/>',
    `<w:sig w:usb0="${usb0}" w:usb1="${usb1}" w:usb2="${usb2}" w:usb3="${usb3}" w:csb0="${csb0}" w:csb1="${csb1}"/>`,
    '</w:font>',
  ].join('');
}

/** word/fontTable.xml: docx writes an empty one; Word substitutes by these entries when a font is missing. */
export const fontTableXml = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  fontEntry('mincho'),
  fontEntry('gothic'),
  '</w:fonts>',
].join('');
