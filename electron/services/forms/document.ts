import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { FormData } from './form-data.js';
import { cleanText, textRuns } from './text.js';

/** The names Word and LibreOffice know the fonts by (fonts-morisawa-bizud-* on Debian). */
const fontNames = { mincho: 'BIZ UD明朝', gothic: 'BIZ UDゴシック' } as const;

/** Windows 10/11 ship the Mincho as 「BIZ UD明朝 Medium」; Word tries these when the first name is missing. */
const altFontNames = {
  mincho: 'BIZ UD明朝 Medium,BIZ UDMincho Medium,BIZ UDMincho',
  gothic: 'BIZ UDGothic',
} as const;

type Face = keyof typeof fontNames;

/** Every run style names the font for all four scripts and the language, so Word never falls back to a theme font. */
export function runFont(face: Face): IRunStylePropertiesOptions {
  const name = fontNames[face];
  return {
    font: { ascii: name, hAnsi: name, eastAsia: name, cs: name },
    language: { value: 'ja-JP', eastAsia: 'ja-JP' },
  };
}

export type Orientation = 'portrait' | 'landscape';

/** A4 in twips; margins about 20–25 mm, as city forms have them. */
const a4 = { short: 11906, long: 16838 } as const;
const margins = {
  portrait: { top: 1418, bottom: 1418, left: 1418, right: 1418, header: 567, footer: 454 },
  landscape: { top: 1134, bottom: 1247, left: 1134, right: 1134, header: 454, footer: 397 },
} as const;

/** Width between the margins, in twips: what tables and right-aligned tabs are laid out against. */
export function contentWidth(orientation: Orientation): number {
  const pageWidth = orientation === 'portrait' ? a4.short : a4.long;
  return pageWidth - margins[orientation].left - margins[orientation].right;
}

/** Height between the margins, in twips. */
export function contentHeight(orientation: Orientation): number {
  const pageHeight = orientation === 'portrait' ? a4.long : a4.short;
  return pageHeight - margins[orientation].top - margins[orientation].bottom;
}

/** Paragraph style ids used by the builders. */
export const styles = {
  title: 'KasaneTitle',
  heading: 'KasaneHeading',
  body: 'KasaneBody',
  tableHead: 'KasaneTableHead',
  tableText: 'KasaneTableText',
  header: 'KasaneHeader',
  footer: 'KasaneFooter',
} as const;

function paragraphStyle(
  id: string,
  name: string,
  face: Face,
  sizeHalfPoints: number,
  paragraph: IParagraphStyleOptions['paragraph'] = {},
  run: IRunStylePropertiesOptions = {},
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    quickFormat: true,
    run: { ...runFont(face), size: sizeHalfPoints, ...run },
    paragraph,
  };
}

/** Normal and the table-of-contents styles docx also writes, replaced so they too name the fonts. */
const plainStyles: IParagraphStyleOptions[] = [
  { id: 'Normal', name: 'Normal', quickFormat: true, run: runFont('mincho') },
  ...Array.from({ length: 9 }, (_, i) => ({
    id: `TOC${i + 1}`,
    name: `toc ${i + 1}`,
    basedOn: 'Normal',
    next: 'Normal',
    run: runFont('mincho'),
  })),
];

const paragraphStyles: IParagraphStyleOptions[] = [
  ...plainStyles,
  paragraphStyle(
    styles.title,
    '様式 表題',
    'gothic',
    28,
    { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } },
    { bold: true },
  ),
  paragraphStyle(styles.heading, '様式 見出し', 'gothic', 22, {
    spacing: { before: 200, after: 80 },
    keepNext: true,
  }),
  paragraphStyle(styles.body, '様式 本文', 'mincho', 21),
  paragraphStyle(styles.tableHead, '様式 表見出し', 'gothic', 19, { alignment: AlignmentType.CENTER }),
  paragraphStyle(styles.tableText, '様式 表本文', 'mincho', 19),
  paragraphStyle(styles.header, '様式 ヘッダー', 'gothic', 19),
  paragraphStyle(styles.footer, '様式 フッター', 'mincho', 15, {
    spacing: { line: 220, lineRule: LineRuleType.AT_LEAST },
  }),
];

/** docx writes Word's built-in styles too; they name the fonts as well, should anyone apply them in Word. */
const builtInStyles: Omit<NonNullable<IStylesOptions['default']>, 'document'> = {
  ...Object.fromEntries(
    (
      ['title', 'heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6', 'strong'] as const
    ).map((key) => [key, { run: runFont('gothic') }]),
  ),
  ...Object.fromEntries(
    (
      [
        'listParagraph',
        'caption',
        'bibliography',
        'hyperlink',
        'footnoteReference',
        'footnoteText',
        'footnoteTextChar',
        'endnoteReference',
        'endnoteText',
        'endnoteTextChar',
        'lineNumber',
      ] as const
    ).map((key) => [key, { run: runFont('mincho') }]),
  ),
};

/** Text of the header's right side: 取扱注意, and the 配布番号 when copies are numbered (rule 8). */
function handlingMark(copy: FormData['copy']): string {
  return copy ? `取扱注意　配布番号 ${copy.number}／${copy.total}` : '取扱注意';
}

function pageHeader(leftLabel: string, copy: FormData['copy'], orientation: Orientation): Header {
  return new Header({
    children: [
      new Paragraph({
        style: styles.header,
        tabStops: [{ type: TabStopType.RIGHT, position: contentWidth(orientation) }],
        children: [
          new TextRun(leftLabel),
          new TextRun({ children: [new Tab(), handlingMark(copy)], bold: true }),
        ],
      }),
    ],
  });
}

function pageFooter(warning: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: styles.footer,
        border: { top: { style: BorderStyle.SINGLE, size: 4, space: 4, color: 'auto' } },
        children: textRuns(warning),
      }),
      new Paragraph({
        style: styles.footer,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

export interface FormDocumentOptions {
  data: FormData;
  /** 「（重層会議様式1）」 */
  headerLabel: string;
  /** The document title in its properties: by label only, never a real 氏名. */
  title: string;
  orientation: Orientation;
  children: FileChild[];
}

function formDocument({ data, headerLabel, orientation, children }: FormDocumentOptions): Document {
  const m = margins[orientation];
  return new Document({
    styles: {
      default: {
        ...builtInStyles,
        document: {
          run: { ...runFont('mincho'), size: 21 },
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles,
    },
    theme: {
      fonts: {
        headings: {
          latin: fontNames.gothic,
          eastAsia: fontNames.gothic,
          scripts: { Jpan: fontNames.gothic },
        },
        body: { latin: fontNames.mincho, eastAsia: fontNames.mincho, scripts: { Jpan: fontNames.mincho } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: a4.short,
              height: a4.long,
              orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
            },
            margin: { ...m, gutter: 0 },
          },
        },
        headers: { default: pageHeader(headerLabel, data.copy, orientation) },
        footers: { default: pageFooter(data.warningFooter) },
        children,
      },
    ],
  });
}

function escapeXml(text: string): string {
  return cleanText(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Seconds precision, as Word writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** docx stamps the current time into the core properties; ours come from the data, so output is reproducible. */
function coreProperties(title: string, author: string, createdAt: Date): string {
  const when = w3cdtf(createdAt);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:creator>${escapeXml(author)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

function fontEntry(face: Face, family: 'roman' | 'modern'): string {
  return [
    `<w:font w:name="${fontNames[face]}">`,
    `<w:altName w:val="${altFontNames[face]}"/>`,
    '<w:charset w:val="80"/>',
    `<w:family w:val="${family}"/>`,
    '<w:pitch w:val="fixed"/>',
    '</w:font>',
  ].join('');
}

/** docx writes an empty font table; Word substitutes by these entries when a font is missing. */
const fontTable = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  fontEntry('mincho', 'roman'),
  fontEntry('gothic', 'modern'),
  '</w:fonts>',
].join('');

/** Builds the .docx of one form: A4 page, header 「（重層会議様式N）」 / 取扱注意, footer warning and n / N. */
export async function packForm(options: FormDocumentOptions): Promise<Buffer> {
  const { office, createdAt } = options.data;
  const author = `${office.municipalityName}${office.departmentName}`;
  return Packer.toBuffer(formDocument(options), false, [
    { path: 'docProps/core.xml', data: coreProperties(options.title, author, createdAt) },
    { path: 'word/fontTable.xml', data: fontTable },
  ]);
}
