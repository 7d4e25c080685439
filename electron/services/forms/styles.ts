import {
  AlignmentType,
  type IParagraphStyleOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
  LineRuleType,
} from 'docx';
import { type Face, fontNames, runFont } from './fonts.js';

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

/** Body text size in half-points (10.5 pt), and one full-width character at that size in twips. */
export const bodySize = 21;
export const bodyChar = 210;
/** Table text size in half-points (9.5 pt), and one full-width character at that size in twips. */
export const tableTextSize = 19;
export const tableChar = 190;

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

export const paragraphStyles: IParagraphStyleOptions[] = [
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
  paragraphStyle(styles.body, '様式 本文', 'mincho', bodySize),
  paragraphStyle(styles.tableHead, '様式 表見出し', 'gothic', tableTextSize, {
    alignment: AlignmentType.CENTER,
  }),
  paragraphStyle(styles.tableText, '様式 表本文', 'mincho', tableTextSize),
  paragraphStyle(styles.header, '様式 ヘッダー', 'gothic', tableTextSize),
  paragraphStyle(styles.footer, '様式 フッター', 'mincho', 15, {
    spacing: { line: 220, lineRule: LineRuleType.AT_LEAST },
  }),
];

/** docx writes Word's built-in styles too; they name the fonts as well, should anyone apply them in Word. */
export const builtInStyles: Omit<NonNullable<IStylesOptions['default']>, 'document'> = {
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

export const documentDefaults = {
  run: { ...runFont('mincho'), size: bodySize },
  paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
};

/** The theme's fonts, named as the styles name them, for anything in Word that asks the theme. */
export const themeFonts = {
  headings: { latin: fontNames.gothic, eastAsia: fontNames.gothic, scripts: { Jpan: fontNames.gothic } },
  body: { latin: fontNames.mincho, eastAsia: fontNames.mincho, scripts: { Jpan: fontNames.mincho } },
};
