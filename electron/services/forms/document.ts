import { Document, type FileChild } from 'docx';
import { compileParts, type Keyed } from './compile.js';
import { fontTableXml } from './fonts.js';
import type { FormData } from './form-data.js';
import { type LayoutFonts, type PageCounter, pageCounter } from './layout-fonts.js';
import {
  type CopyNumber,
  type Orientation,
  type PageNumbering,
  pageFooter,
  pageHeader,
  pageProperties,
} from './page.js';
import { themeFonts } from './styles.js';
import { documentStyles } from './styles-part.js';
import { cleanText } from './text.js';
import { zipParts } from './zip-parts.js';

/** One run of pages with the same furniture: a 様式, or one letter of a 様式1 file. */
export interface DocumentSection {
  orientation: Orientation;
  /** 「（重層会議様式1）」 at the top left. */
  headerLabel: string;
  /** 配布番号 in the header, when copies are numbered (rule 8). */
  copy: CopyNumber | null;
  /** The confidentiality warning in force, printed in the footer (rule 8). */
  warning: string;
  children: FileChild[];
}

export interface DocumentSpec {
  /** The document title in its properties: by label only, never a real 氏名. */
  title: string;
  author: string;
  /** Frozen in tests so the same input gives the same document. */
  createdAt: Date;
  /** 'section': each section's pages are numbered 1… on their own (様式1: one letter per section). */
  numbering: PageNumbering;
  sections: DocumentSection[];
}

/** The .docx bytes, and the pages as laid out with the fonts' own metrics when they could be measured. */
export interface PackedDocument {
  bytes: Buffer;
  pages: {
    total: number;
    perSection: number[];
    /** What each page's footer prints, in order: 「2 / 7」, or 「1 / 1」 for every letter of a 様式1. */
    numbers: string[];
  } | null;
}

/** How a document becomes its package's parts: `compileParts`, or docx's own compiler to compare with. */
export type PartsCompiler = typeof compileParts;

let compile: PartsCompiler = compileParts;

/** For document-parts.test.ts: writes documents with `other` until the returned function is called. */
export function compileWith(other: PartsCompiler): () => void {
  const before = compile;
  compile = other;
  return () => {
    compile = before;
  };
}

/**
 * The parts docx writes the same way whatever the document says (no one's data in them), whose
 * compressed bytes may be kept for the next document, as may those compileParts made from keys (the
 * furniture, the empty notes). The body and the properties are not.
 */
export const structuralPart =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/_rels\/[\w.]+\.rels|word\/(styles|numbering|settings|fontTable)\.xml|word\/theme\/theme\d+\.xml|docProps\/(app|custom)\.xml)$/;

function pageNumbers(numbering: PageNumbering, counted: { total: number; perSection: number[] }): string[] {
  const run = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1} / ${n}`);
  return numbering === 'section' ? counted.perSection.flatMap(run) : run(counted.total);
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

/** Sections whose header (or footer) would be the same as the previous one's: they inherit it instead. */
function sharedFurniture(spec: DocumentSpec, shareFooters: boolean): { header: boolean; footer: boolean }[] {
  return spec.sections.map((section, i) => {
    const before = spec.sections[i - 1];
    return {
      header:
        before !== undefined &&
        before.headerLabel === section.headerLabel &&
        before.orientation === section.orientation &&
        before.copy?.number === section.copy?.number &&
        before.copy?.total === section.copy?.total,
      footer: shareFooters && before !== undefined && before.warning === section.warning,
    };
  });
}

/**
 * A section whose header or footer is the previous section's has none of its own: Word and LibreOffice
 * lay it out with the previous one, so a 様式1 of 14 letters holds one header and one footer, not 14 of
 * each (they were most of its XML, and of the time to write and zip it). `keyed`: the headers and
 * footers compileParts may take from an earlier document with the same furniture.
 */
export function wordDocument(
  spec: DocumentSpec,
  counter: PageCounter | null,
  shareFooters: boolean,
): { file: Document; keyed: Map<object, Keyed> } {
  const shared = sharedFurniture(spec, shareFooters);
  const file = new Document({
    styles: documentStyles(),
    theme: { fonts: themeFonts },
    ...(counter ? { pageNumbers: counter.estimator } : {}),
    sections: spec.sections.map((section, i) => ({
      properties: {
        page: {
          ...pageProperties(section.orientation),
          ...(spec.numbering === 'section' ? { pageNumbers: { start: 1 } } : {}),
        },
      },
      ...(shared[i]?.header
        ? {}
        : { headers: { default: pageHeader(section.headerLabel, section.copy, section.orientation) } }),
      ...(shared[i]?.footer ? {} : { footers: { default: pageFooter(section.warning, spec.numbering) } }),
      children: section.children,
    })),
  });
  // Headers and footers print only what they are made from (no one's data): each is written once per
  // process. A footer laid out by the page counter prints its counts too, so it is written each time.
  const ownHeaders = spec.sections.filter((_, i) => !shared[i]?.header);
  const ownFooters = spec.sections.filter((_, i) => !shared[i]?.footer);
  const keyed = new Map<object, Keyed>();
  file.Headers.forEach((header, i) => {
    const section = ownHeaders[i];
    if (section)
      keyed.set(header.View, {
        path: `word/header${i + 1}.xml`,
        key: JSON.stringify(['header', section.headerLabel, section.copy, section.orientation]),
      });
  });
  if (!counter)
    file.Footers.forEach((footer, i) => {
      const section = ownFooters[i];
      if (section)
        keyed.set(footer.View, {
          path: `word/footer${i + 1}.xml`,
          key: JSON.stringify(['footer', section.warning, spec.numbering]),
        });
    });
  return { file, keyed };
}

/**
 * Writes the .docx. With `layout` (the BIZ UD font files), the pages are laid out as Word does with
 * docx's own layout engine: the page-count fields carry the counts (LibreOffice shows a section's
 * count only from there) and the caller learns how many pages will print. Without it, Word counts
 * them when it opens the file and nobody claims a number.
 */
export async function packDocument(
  spec: DocumentSpec,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  const pack = async (shareFooters: boolean) => {
    const counter = layout ? await pageCounter(layout) : null;
    const { file, keyed } = wordDocument(spec, counter, shareFooters);
    const { parts, known } = compile(
      file,
      [
        { path: 'docProps/core.xml', data: coreProperties(spec.title, spec.author, spec.createdAt) },
        { path: 'word/fontTable.xml', data: fontTableXml },
      ],
      keyed,
    );
    return {
      bytes: zipParts(parts, spec.createdAt, (path) => known.has(path) || structuralPart.test(path)),
      counted: counter?.counted() ?? null,
    };
  };
  let { bytes, counted } = await pack(true);
  // A shared footer can print only one count of its section's pages (LibreOffice prints the count
  // written in it): when letters differ in length, each gets its own footer again.
  if (spec.numbering === 'section' && counted && new Set(counted.perSection).size > 1)
    ({ bytes, counted } = await pack(false));
  return { bytes, pages: counted && { ...counted, numbers: pageNumbers(spec.numbering, counted) } };
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

/** One 様式 on its own pages: the section and the properties from the form's data. */
export function formSpec({
  data,
  headerLabel,
  title,
  orientation,
  children,
}: FormDocumentOptions): DocumentSpec {
  return {
    title,
    author: `${data.office.municipalityName}${data.office.departmentName}`,
    createdAt: data.createdAt,
    numbering: 'document',
    sections: [{ orientation, headerLabel, copy: data.copy, warning: data.warningFooter, children }],
  };
}
