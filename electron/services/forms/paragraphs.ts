import { AlignmentType, Paragraph, TabStopType } from 'docx';
import { bodyChar, styles } from './styles.js';
import { textRuns } from './text.js';

/** One full-width character at the body size (10.5 pt), in twips: 公用文 indents count in characters. */
export const char = bodyChar;

/** The centred title of a form, in BIZ UDゴシック. */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.title, children: textRuns(text) });
}

export function headingParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.heading, children: textRuns(text) });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.body, children: textRuns(text) });
}

/** A paragraph of prose: first line indented one character, as 公用文 does. */
export function proseParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.body, indent: { firstLine: char }, children: textRuns(text) });
}

export function rightParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.body, alignment: AlignmentType.RIGHT, children: textRuns(text) });
}

export function centredParagraph(text: string): Paragraph {
  return new Paragraph({ style: styles.body, alignment: AlignmentType.CENTER, children: textRuns(text) });
}

/** Empty line between blocks. */
export function blankParagraph(): Paragraph {
  return new Paragraph({ style: styles.body });
}

/**
 * 「1　日　時　令和8年…」: a label, then text that wraps under itself rather than under the label.
 * `indent` is where the text starts, in characters from the paragraph's own start `left`.
 */
export function hangingParagraph(label: string, text: string, indent: number, left = 0): Paragraph {
  const at = (left + indent) * char;
  return new Paragraph({
    style: styles.body,
    indent: { left: at, hanging: indent * char },
    tabStops: [{ type: TabStopType.LEFT, position: at }],
    children: textRuns(`${label}\t${text}`),
  });
}
