import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { builtInStyles, documentDefaults, paragraphStyles, styles } from './styles.js';
import { documentStyles } from './styles-part.js';

async function stylesXml(options: ConstructorParameters<typeof Document>[0]['styles']): Promise<string> {
  const bytes = await Packer.toBuffer(
    new Document({
      styles: options,
      sections: [{ children: [new Paragraph({ style: styles.body, text: '本文' })] }],
    }),
  );
  return (await (await JSZip.loadAsync(bytes)).file('word/styles.xml')?.async('string')) ?? '';
}

describe('documentStyles', () => {
  it('writes the same styles part as docx formatting styles.ts for each document', async () => {
    const fresh = await stylesXml({
      default: { ...builtInStyles, document: documentDefaults },
      paragraphStyles,
    });
    expect(fresh).toContain('KasaneBody');
    expect(await stylesXml(documentStyles())).toBe(fresh);
    // A second document gets the same part from the same formatted styles.
    expect(await stylesXml(documentStyles())).toBe(fresh);
  });

  it('cannot be changed by a document that writes into them', () => {
    const [first] = documentStyles().importedStyles ?? [];
    const xml = first?.prepForXml({} as never) as Record<string, unknown>;
    expect(() => {
      xml.changed = true;
    }).toThrow(TypeError);
  });
});
